// Adds an inventory item: name, unit, the stock on hand now (recorded as its starting stock)
// and the level at which it counts as low. Numbers are checked here only for being whole; the
// server checks the rest and names the field.

import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import type { InventoryItem } from '../../api/inventory_types';
import { createItem } from '../../api/inventory';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, fieldBinder } from '../../components/field';
import { useAction } from '../../hooks';

interface NewItemFormProps {
  workspaceId: number;
  onAdded: (item: InventoryItem) => void;
  onCancel: () => void;
}

const kFields = ['name', 'unit', 'on_hand', 'low_stock_threshold'];

/** A whole number ≥ 0 from `text`, or an ApiError naming `field`. */
export function wholeNumber(text: string, field: string, allowNegative = false): number {
  const trimmed = text.trim();
  const pattern = allowNegative ? /^[-−]?\d{1,9}$/ : /^\d{1,9}$/;
  if (!pattern.test(trimmed)) {
    throw new ApiError(400, 'invalid_argument', 'Enter a whole number.', field);
  }
  return Number(trimmed.replace('−', '-'));
}

export function NewItemForm({ workspaceId, onAdded, onCancel }: NewItemFormProps) {
  const [values, setValues] = useState({
    name: '',
    unit: 'pcs',
    on_hand: '0',
    low_stock_threshold: '0',
  });
  const add = useAction(async () => {
    const item = await createItem(workspaceId, {
      name: values.name.trim(),
      unit: values.unit.trim(),
      on_hand: wholeNumber(values.on_hand, 'on_hand'),
      low_stock_threshold: wholeNumber(values.low_stock_threshold, 'low_stock_threshold'),
    });
    onAdded(item);
  });
  const field = fieldBinder(values, setValues, add.error);
  const banner = errorForBanner(add.error, kFields);
  return (
    <ActionForm onSubmit={add.run}>
      {banner && <ErrorBanner error={banner} />}
      <Field label="Item name" {...field('name')} required maxLength={200} autocomplete="off" />
      <div class="field-row">
        <Field
          label="Unit"
          {...field('unit')}
          required
          maxLength={20}
          inputClass="input--short"
          hint="e.g. pcs, ml, box."
        />
        <Field
          label="On hand now"
          {...field('on_hand')}
          required
          inputMode="numeric"
          inputClass="input--short"
        />
        <Field
          label="Low at"
          {...field('low_stock_threshold')}
          required
          inputMode="numeric"
          inputClass="input--short"
          hint="Alert when available stock falls to this."
        />
      </div>
      <SubmitActions busy={add.busy} busyLabel="Adding…" label="Add item">
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </SubmitActions>
    </ActionForm>
  );
}
