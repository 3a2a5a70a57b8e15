// A booking made by staff: a service, the customer (found or new), a member (or whoever is
// free), and a free time from the staff slots (no minimum notice). 409: the time was taken
// meanwhile; the answer's fresh times are offered.

import { useState } from 'preact/hooks';
import type { BookingDetail, NewBookingRequest, Slot } from '../../api/booking_types';
import { createBooking, freshSlots } from '../../api/bookings';
import { ApiError, toApiError } from '../../api/client';
import { listServices, staffSlots } from '../../api/services';
import type { Member } from '../../api/types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, errorForField } from '../../components/field';
import { SelectField } from '../../components/select_field';
import { SlotPicker, TimeButtons } from '../../components/slot_picker';
import { formatMinutes } from '../../booking_text';
import { useAction, useLoad } from '../../hooks';
import { formatWhenIn } from '../../time_zone';
import { type ContactChoice, ContactPicker, kNewContact } from './contact_picker';

interface NewBookingProps {
  workspaceId: number;
  tz: string;
  members: readonly Member[];
  canSearchContacts: boolean;
  onCreated: (booking: BookingDetail) => void;
  onCancel: () => void;
}

export function NewBooking(props: NewBookingProps) {
  const { workspaceId, tz } = props;
  const services = useLoad((signal) => listServices(workspaceId, false, { signal }));
  const [serviceId, setServiceId] = useState('');
  const [memberId, setMemberId] = useState('');
  const [contact, setContact] = useState<ContactChoice>(kNewContact);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [notes, setNotes] = useState('');
  const [notify, setNotify] = useState(true);
  const [taken, setTaken] = useState<Slot[] | null>(null);
  const [version, setVersion] = useState(0);
  const list = services.data?.services ?? [];
  const service = list.find((s) => String(s.id) === serviceId) ?? list[0] ?? null;
  const serving = props.members.filter((m) => service?.member_ids.includes(m.user_id));
  const forMember = (slots: Slot[]) =>
    memberId ? slots.filter((s) => s.staff.some((m) => String(m.id) === memberId)) : slots;

  const save = useAction(async () => {
    if (!service) return;
    if (!slot) throw new ApiError(400, 'invalid_argument', 'Pick a time.', 'start');
    const request: NewBookingRequest = { service_id: service.id, start: slot.start, notify };
    if (memberId) request.member_id = Number(memberId);
    if (notes.trim()) request.notes = notes.trim();
    if (contact.kind === 'existing') request.contact_id = contact.contact.id;
    else {
      const phone = contact.phone.trim();
      const email = contact.email.trim();
      request.contact = {
        name: contact.name.trim(),
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
      };
    }
    try {
      props.onCreated(await createBooking(workspaceId, request));
    } catch (err) {
      const error = toApiError(err);
      if (error.status !== 409 || error.field !== 'start') throw error;
      setTaken(forMember(freshSlots(error)));
      setSlot(null);
      setVersion((n) => n + 1);
    }
  });

  if (services.error && !services.data)
    return <ErrorBanner error={services.error} onRetry={services.reload} />;
  if (!services.data) return <p class="muted">Loading services…</p>;
  if (!service)
    return <p class="muted">No services yet: the owner adds them on the Services page.</p>;
  // A new contact's fields come back as "contact.name" or plain "name"; both show beside it.
  const errorFor = (field: string) =>
    errorForField(save.error, `contact.${field}`) ?? errorForField(save.error, field);
  const banner = errorForBanner(save.error, [
    'start',
    'name',
    'phone',
    'email',
    'contact.name',
    'contact.phone',
    'contact.email',
    'notes',
  ]);
  const pick = (picked: Slot) => {
    setTaken(null);
    setSlot(picked);
  };
  return (
    <ActionForm onSubmit={save.run}>
      {banner && <ErrorBanner error={banner} />}
      <SelectField
        label="Service"
        name="service_id"
        value={String(service.id)}
        options={list.map((s) => ({
          value: String(s.id),
          label: `${s.name} (${formatMinutes(s.duration_minutes)})`,
        }))}
        onValue={(value) => {
          setServiceId(value);
          setMemberId('');
          setSlot(null);
        }}
      />
      <SelectField
        label="Staff"
        name="member_id"
        value={memberId}
        options={[
          { value: '', label: 'Whoever is free' },
          ...serving.map((m) => ({ value: String(m.user_id), label: m.full_name })),
        ]}
        onValue={(value) => {
          setMemberId(value);
          setSlot(null);
        }}
      />
      <ContactPicker
        workspaceId={workspaceId}
        canSearch={props.canSearchContacts}
        value={contact}
        onValue={setContact}
        errorFor={errorFor}
      />
      <div class="field">
        <span class="field__label">Time</span>
        {taken && (
          <div class="notice notice--warn" role="alert" data-testid="slot-taken">
            <p>
              <strong>That time was just taken.</strong>{' '}
              {taken.length ? 'Still free that day:' : 'Pick another day below.'}
            </p>
            {taken.length > 0 && (
              <TimeButtons slots={taken} tz={tz} selected={null} onPick={pick} />
            )}
          </div>
        )}
        <SlotPicker
          key={`${service.id}:${memberId}`}
          tz={tz}
          reloadKey={String(version)}
          selected={slot?.start ?? null}
          onPick={pick}
          load={async (from, to, signal) =>
            forMember(
              (await staffSlots(workspaceId, service.id, { from, to, tz }, { signal })).slots,
            )
          }
        />
        {slot && (
          <p class="notice" data-testid="slot-chosen">
            {formatWhenIn(slot.start, tz)}
          </p>
        )}
        {errorForField(save.error, 'start') && (
          <p class="field__error">{errorForField(save.error, 'start')}</p>
        )}
      </div>
      <Field
        label="Notes"
        name="notes"
        value={notes}
        onValue={setNotes}
        rows={2}
        error={errorForField(save.error, 'notes')}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={notify}
          onChange={(e) => setNotify(e.currentTarget.checked)}
        />
        Send the customer a confirmation
      </label>
      <SubmitActions busy={save.busy} busyLabel="Booking…" label="Book">
        <button type="button" class="button button--secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </SubmitActions>
    </ActionForm>
  );
}
