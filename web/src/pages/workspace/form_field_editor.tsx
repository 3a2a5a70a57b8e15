// One question of a form in the builder: label, key (derived from the label until edited),
// type, required, options (a choice list only) and help; moved up or down, or removed. The
// server's complaint about any part ("fields[2].key") shows beside that part.

import type { ApiError } from '../../api/client';
import type { FormFieldType } from '../../api/form_types';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select_field';
import { kFieldTypeLabels, kFieldTypes, keyFromLabel } from '../../forms_text';
import { formErrorAt } from './form_errors';

/** A field as the builder holds it: options as typed, one per line. */
export interface FieldDraft {
  /** Stable across moves, for Preact's keys. */
  uid: number;
  key: string;
  /** True once the key was typed (or the field was saved): the label no longer changes it. */
  keyEdited: boolean;
  label: string;
  type: FormFieldType;
  required: boolean;
  options: string;
  help: string;
}

interface FormFieldEditorProps {
  field: FieldDraft;
  index: number;
  count: number;
  error: ApiError | null;
  onValue: (field: FieldDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

export function FormFieldEditor(props: FormFieldEditorProps) {
  const { field, index, count, error, onValue } = props;
  const path = `fields[${index}]`;
  const number = index + 1;
  const set = (changes: Partial<FieldDraft>) => onValue({ ...field, ...changes });
  const whole = formErrorAt(error, path);
  return (
    <fieldset class="form-field" data-testid="form-field" data-type={field.type}>
      <legend class="form-field__legend">Field {number}</legend>
      {whole && (
        <p class="field__error" role="alert">
          {whole}
        </p>
      )}
      <Field
        label={field.type === 'consent' ? 'What the customer agrees to' : 'Label'}
        name={`${path}.label`}
        value={field.label}
        onValue={(label) => set(field.keyEdited ? { label } : { label, key: keyFromLabel(label) })}
        error={formErrorAt(error, `${path}.label`)}
        required
        maxLength={200}
      />
      <div class="field-row">
        <Field
          label="Key"
          name={`${path}.key`}
          value={field.key}
          onValue={(key) => set({ key, keyEdited: true })}
          error={formErrorAt(error, `${path}.key`)}
          hint="How answers are stored: a–z, 0–9 and _."
          required
          maxLength={40}
        />
        <SelectField<FormFieldType>
          label="Type"
          name={`${path}.type`}
          value={field.type}
          options={kFieldTypes.map((type) => ({ value: type, label: kFieldTypeLabels[type] }))}
          onValue={(type) => set({ type })}
          error={formErrorAt(error, `${path}.type`)}
        />
      </div>
      {field.type === 'select' && (
        <Field
          label="Options"
          name={`${path}.options`}
          value={field.options}
          onValue={(options) => set({ options })}
          error={formErrorAt(error, `${path}.options`, true)}
          hint="One per line (at most 50)."
          rows={4}
          required
        />
      )}
      <Field
        label="Help"
        name={`${path}.help`}
        value={field.help}
        onValue={(help) => set({ help })}
        error={formErrorAt(error, `${path}.help`)}
        hint="Shown under the question."
        maxLength={500}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={field.required}
          onChange={(event) => set({ required: event.currentTarget.checked })}
        />
        {field.type === 'consent' || field.type === 'checkbox'
          ? 'Required (must be ticked)'
          : 'Required'}
      </label>
      <div class="form-field__actions">
        <button
          type="button"
          class="button button--secondary"
          disabled={index === 0}
          onClick={() => props.onMove(-1)}
          aria-label={`Move field ${number} up`}
        >
          Move up
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={index === count - 1}
          onClick={() => props.onMove(1)}
          aria-label={`Move field ${number} down`}
        >
          Move down
        </button>
        <button
          type="button"
          class="link-button"
          onClick={props.onRemove}
          aria-label={`Remove field ${number}`}
        >
          Remove
        </button>
      </div>
    </fieldset>
  );
}
