// Creates or edits a service with every field the API has (docs/API.md, "Booking"). Numbers
// are typed as text and checked here only for being whole numbers; the server checks the
// ranges and names the field, shown beside its input.

import { useState } from 'preact/hooks';
import type { LocationKind, Service, ServiceRequest } from '../../api/booking_types';
import { ApiError } from '../../api/client';
import { createService, updateService } from '../../api/services';
import type { Member } from '../../api/types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ChoiceField } from '../../components/choice_field';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, errorForField, fieldBinder } from '../../components/field';
import { useAction } from '../../hooks';
import { type OffsetRow, ReminderOffsets, offsetMinutes, toOffsetRow } from './reminder_offsets';
import { StaffChecks } from './staff_checks';

interface ServiceEditorProps {
  workspaceId: number;
  /** null: a new service. */
  service: Service | null;
  members: readonly Member[];
  /** Pre-checked as staff of a new service. */
  userId: number;
  /** The currency a new service starts with. */
  currency: string;
  onSaved: (service: Service) => void;
  onCancel: () => void;
}

const kNumbers = [
  'duration_minutes',
  'buffer_before_minutes',
  'buffer_after_minutes',
  'min_notice_minutes',
  'horizon_days',
  'slot_interval_minutes',
] as const;

type Texts = Record<
  (typeof kNumbers)[number] | 'name' | 'description' | 'price_cents' | 'currency' | 'location',
  string
>;

const kFields = [
  ...kNumbers,
  'name',
  'description',
  'price_cents',
  'currency',
  'location',
  'location_kind',
  'reminder_offsets_minutes',
  'member_ids',
  'requires_approval',
];

function textsOf(service: Service | null, currency: string): Texts {
  return {
    name: service?.name ?? '',
    description: service?.description ?? '',
    duration_minutes: String(service?.duration_minutes ?? 30),
    price_cents: service?.price_cents == null ? '' : (service.price_cents / 100).toFixed(2),
    currency: service?.currency || currency,
    location: service?.location ?? '',
    buffer_before_minutes: String(service?.buffer_before_minutes ?? 0),
    buffer_after_minutes: String(service?.buffer_after_minutes ?? 0),
    min_notice_minutes: String(service?.min_notice_minutes ?? 60),
    horizon_days: String(service?.horizon_days ?? 60),
    slot_interval_minutes: String(service?.slot_interval_minutes ?? 30),
  };
}

/** "40", "40.5", "40,50" → 4050 cents; "" → null; anything else throws naming the field. */
function parsePrice(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(trimmed);
  if (!match) {
    throw new ApiError(
      400,
      'invalid_argument',
      'Enter an amount such as 40 or 40.50.',
      'price_cents',
    );
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

export function ServiceEditor(props: ServiceEditorProps) {
  const { workspaceId, service, members } = props;
  const [texts, setTexts] = useState<Texts>(() => textsOf(service, props.currency));
  const [kind, setKind] = useState<LocationKind>(service?.location_kind ?? 'in_person');
  const [approval, setApproval] = useState(service?.requires_approval ?? false);
  const [reminders, setReminders] = useState<OffsetRow[]>(() =>
    (service?.reminder_offsets_minutes ?? [1440]).map(toOffsetRow),
  );
  const [staff, setStaff] = useState<number[]>(service?.member_ids ?? [props.userId]);

  const save = useAction(async () => {
    const request: ServiceRequest = {
      name: texts.name.trim(),
      description: texts.description.trim(),
      location_kind: kind,
      location: texts.location.trim(),
      requires_approval: approval,
      member_ids: staff,
    };
    for (const key of kNumbers) {
      const value = texts[key].trim();
      if (!/^\d{1,6}$/.test(value)) {
        throw new ApiError(400, 'invalid_argument', 'Enter a whole number.', key);
      }
      request[key] = Number(value);
    }
    const price = parsePrice(texts.price_cents);
    request.price_cents = price;
    request.currency = price === null ? '' : texts.currency.trim().toUpperCase();
    const offsets = reminders.map(offsetMinutes);
    if (offsets.some((m) => m === null)) {
      throw new ApiError(
        400,
        'invalid_argument',
        'Each reminder needs a whole number.',
        'reminder_offsets_minutes',
      );
    }
    request.reminder_offsets_minutes = offsets as number[];
    const saved = service
      ? await updateService(workspaceId, service.id, request)
      : await createService(workspaceId, request);
    props.onSaved(saved);
  });

  const field = fieldBinder(texts, setTexts, save.error);
  const timingError = kNumbers.slice(1).some((key) => save.error?.field === key);
  const banner = errorForBanner(save.error, kFields);
  return (
    <ActionForm onSubmit={save.run}>
      {banner && <ErrorBanner error={banner} />}
      <Field
        label="Name"
        {...field('name')}
        required
        maxLength={200}
        hint="What customers see, e.g. “First consultation”."
      />
      <Field label="Description" {...field('description')} rows={3} maxLength={2000} />
      <Field
        label="Duration (minutes)"
        {...field('duration_minutes')}
        inputMode="numeric"
        required
        inputClass="input--short"
      />
      <div class="field-row">
        <Field
          label="Price"
          {...field('price_cents')}
          inputMode="numeric"
          inputClass="input--short"
          hint="Empty: no price shown."
        />
        <Field
          label="Currency"
          {...field('currency')}
          inputClass="input--short"
          maxLength={3}
          hint="Three letters, e.g. USD, EUR."
        />
      </div>
      <ChoiceField<LocationKind>
        legend="Where"
        value={kind}
        onValue={setKind}
        choices={[
          { value: 'in_person', label: 'In person' },
          { value: 'online', label: 'Online' },
        ]}
      />
      <Field
        label={kind === 'online' ? 'Meeting link' : 'Address'}
        {...field('location')}
        maxLength={500}
        hint={
          kind === 'online'
            ? 'An https:// link, sent with the confirmation.'
            : 'Empty: the business address.'
        }
      />
      <details class="more" open={service !== null || timingError}>
        <summary>Timing: buffers, notice, how far ahead</summary>
        <div class="form">
          <div class="field-row">
            <Field
              label="Buffer before (minutes)"
              {...field('buffer_before_minutes')}
              inputMode="numeric"
              required
              inputClass="input--short"
            />
            <Field
              label="Buffer after (minutes)"
              {...field('buffer_after_minutes')}
              inputMode="numeric"
              required
              inputClass="input--short"
            />
          </div>
          <Field
            label="Minimum notice (minutes)"
            {...field('min_notice_minutes')}
            inputMode="numeric"
            required
            inputClass="input--short"
            hint="How soon before its start a time can still be booked online."
          />
          <Field
            label="Bookable ahead (days)"
            {...field('horizon_days')}
            inputMode="numeric"
            required
            inputClass="input--short"
          />
          <Field
            label="Start times every (minutes)"
            {...field('slot_interval_minutes')}
            inputMode="numeric"
            required
            inputClass="input--short"
          />
        </div>
      </details>
      <label class="check">
        <input
          type="checkbox"
          name="requires_approval"
          checked={approval}
          onChange={(e) => setApproval(e.currentTarget.checked)}
        />
        <span>
          Requires approval
          <span class="fact-note">Online bookings wait for staff to confirm them.</span>
        </span>
      </label>
      <ReminderOffsets
        value={reminders}
        onValue={setReminders}
        error={errorForField(save.error, 'reminder_offsets_minutes')}
      />
      <StaffChecks
        members={members}
        value={staff}
        onValue={setStaff}
        error={errorForField(save.error, 'member_ids')}
      />
      <SubmitActions
        busy={save.busy}
        busyLabel="Saving…"
        label={service ? 'Save service' : 'Create service'}
      >
        <button type="button" class="button button--secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </SubmitActions>
    </ActionForm>
  );
}
