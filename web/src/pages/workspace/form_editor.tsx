// The form builder's form: name, description, the fields (added, moved, removed), the services
// whose bookings get it, when it is due and the reminder, and whether it is active. The server
// checks everything and names the field at fault, shown beside its input.

import { useState } from 'preact/hooks';
import type { Service } from '../../api/booking_types';
import { ApiError } from '../../api/client';
import type { Form, FormField, FormRequestBody } from '../../api/form_types';
import { createForm, updateForm } from '../../api/forms';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Field } from '../../components/field';
import { useAction } from '../../hooks';
import { formErrorAt, unplacedFormError } from './form_errors';
import { type FieldDraft, FormFieldEditor } from './form_field_editor';
import { FormServices } from './form_services';
import { FormTiming, type TimingDraft, timingMinutes, timingOf } from './form_timing';

const kMaxFields = 50;
let nextUid = 1;

function draftOf(field: FormField): FieldDraft {
  return {
    uid: nextUid++,
    key: field.key,
    keyEdited: true,
    label: field.label,
    type: field.type,
    required: field.required,
    options: field.options.join('\n'),
    help: field.help,
  };
}

function newDraft(): FieldDraft {
  return {
    uid: nextUid++,
    key: '',
    keyEdited: false,
    label: '',
    type: 'text',
    required: false,
    options: '',
    help: '',
  };
}

function fieldOf(draft: FieldDraft): FormField {
  const options =
    draft.type === 'select'
      ? draft.options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean)
      : [];
  return {
    key: draft.key.trim(),
    label: draft.label.trim(),
    type: draft.type,
    required: draft.required,
    options,
    help: draft.help.trim(),
  };
}

/** The inputs that show their own errors: the rest go to the banner. */
function placed(field: string): boolean {
  return (
    [
      'name',
      'description',
      'service_ids',
      'due_offset_minutes',
      'reminder_minutes_before_due',
    ].includes(field) || /^fields\[\d+\]/.test(field)
  );
}

interface FormEditorProps {
  workspaceId: number;
  /** null: a new form. */
  form: Form | null;
  services: readonly Service[];
  onSaved: (form: Form) => void;
}

export function FormEditor({ workspaceId, form, services, onSaved }: FormEditorProps) {
  const [name, setName] = useState(form?.name ?? '');
  const [description, setDescription] = useState(form?.description ?? '');
  const [fields, setFields] = useState<FieldDraft[]>(() =>
    form ? form.fields.map(draftOf) : [newDraft()],
  );
  const [serviceIds, setServiceIds] = useState<number[]>(form?.service_ids ?? []);
  const [timing, setTiming] = useState<TimingDraft>(() =>
    timingOf(form?.due_offset_minutes ?? 0, form ? form.reminder_minutes_before_due : 1440),
  );
  const [active, setActive] = useState(form?.is_active ?? true);

  const save = useAction(async () => {
    const minutes = timingMinutes(timing);
    if (minutes.due === null) {
      throw new ApiError(400, 'invalid_argument', 'Enter a whole number.', 'due_offset_minutes');
    }
    if (timing.remind && minutes.reminder === null) {
      throw new ApiError(
        400,
        'invalid_argument',
        'Enter a whole number.',
        'reminder_minutes_before_due',
      );
    }
    const body: FormRequestBody = {
      name: name.trim(),
      description: description.trim(),
      fields: fields.map(fieldOf),
      service_ids: serviceIds,
      due_offset_minutes: minutes.due,
      reminder_minutes_before_due: minutes.reminder,
      is_active: active,
    };
    const saved = form
      ? await updateForm(workspaceId, form.id, body)
      : await createForm(workspaceId, body);
    onSaved(saved);
  });

  const setField = (index: number, field: FieldDraft) =>
    setFields(fields.map((old, i) => (i === index ? field : old)));
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= fields.length) return;
    const copy = [...fields];
    [copy[index], copy[to]] = [copy[to] as FieldDraft, copy[index] as FieldDraft];
    setFields(copy);
  };
  const banner = unplacedFormError(save.error, placed);
  const fieldsError = formErrorAt(save.error, 'fields');
  return (
    <ActionForm onSubmit={save.run}>
      {banner && <ErrorBanner error={banner} />}
      <Field
        label="Form name"
        name="name"
        value={name}
        onValue={setName}
        error={formErrorAt(save.error, 'name')}
        required
        maxLength={200}
        hint="What customers see at the top, e.g. “Health questionnaire”."
      />
      <Field
        label="Description"
        name="description"
        value={description}
        onValue={setDescription}
        error={formErrorAt(save.error, 'description')}
        rows={3}
        maxLength={2000}
        hint="Shown under the name: why you ask, how long it takes."
      />
      <section class="form-fields" aria-labelledby="form-fields-title">
        <h3 id="form-fields-title">Fields</h3>
        {fieldsError && (
          <p class="field__error" data-testid="error-fields">
            {fieldsError}
          </p>
        )}
        {fields.length === 0 && <p class="muted">No fields yet: add the first one.</p>}
        {fields.map((field, index) => (
          <FormFieldEditor
            key={field.uid}
            field={field}
            index={index}
            count={fields.length}
            error={save.error}
            onValue={(f) => setField(index, f)}
            onMove={(by) => move(index, by)}
            onRemove={() => setFields(fields.filter((_, i) => i !== index))}
          />
        ))}
        {fields.length < kMaxFields && (
          <div class="form__actions">
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setFields([...fields, newDraft()])}
            >
              Add a field
            </button>
          </div>
        )}
      </section>
      <FormServices
        services={services}
        value={serviceIds}
        onValue={setServiceIds}
        error={formErrorAt(save.error, 'service_ids', true)}
      />
      <FormTiming
        value={timing}
        onValue={setTiming}
        dueError={formErrorAt(save.error, 'due_offset_minutes')}
        reminderError={formErrorAt(save.error, 'reminder_minutes_before_due')}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        <span>
          Active
          <span class="fact-note">Sent for new bookings of the services above.</span>
        </span>
      </label>
      <SubmitActions
        busy={save.busy}
        busyLabel="Saving…"
        label={form ? 'Save form' : 'Create form'}
      />
    </ActionForm>
  );
}
