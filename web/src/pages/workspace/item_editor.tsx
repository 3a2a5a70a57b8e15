// Changes an item's name, unit and low-stock level (PATCH …/inventory/{id}); sends only what
// changed.

import { useState } from 'preact/hooks';
import type { InventoryItem, ItemUpdate } from '../../api/inventory_types';
import { updateItem } from '../../api/inventory';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, fieldBinder } from '../../components/field';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks';
import { wholeNumber } from './new_item_form';

interface ItemEditorProps {
  workspaceId: number;
  item: InventoryItem;
  onSaved: (item: InventoryItem) => void;
}

const kFields = ['name', 'unit', 'low_stock_threshold'];

export function ItemEditor({ workspaceId, item, onSaved }: ItemEditorProps) {
  const [values, setValues] = useState({
    name: item.name,
    unit: item.unit,
    low_stock_threshold: String(item.low_stock_threshold),
  });
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    setSaved(false);
    const update: ItemUpdate = {};
    if (values.name.trim() !== item.name) update.name = values.name.trim();
    if (values.unit.trim() !== item.unit) update.unit = values.unit.trim();
    const threshold = wholeNumber(values.low_stock_threshold, 'low_stock_threshold');
    if (threshold !== item.low_stock_threshold) update.low_stock_threshold = threshold;
    const result = await updateItem(workspaceId, item.id, update);
    setSaved(true);
    onSaved(result);
  });
  const field = fieldBinder(
    values,
    (v) => {
      setSaved(false);
      setValues(v);
    },
    save.error,
  );
  const banner = errorForBanner(save.error, kFields);
  return (
    <section class="card" aria-labelledby="item-settings-title">
      <h2 id="item-settings-title">Settings</h2>
      <ActionForm onSubmit={save.run}>
        {saved && <Notice>The item is saved.</Notice>}
        {banner && <ErrorBanner error={banner} />}
        <Field label="Item name" {...field('name')} required maxLength={200} autocomplete="off" />
        <div class="field-row">
          <Field
            label="Unit"
            {...field('unit')}
            required
            maxLength={20}
            inputClass="input--short"
          />
          <Field
            label="Low at"
            {...field('low_stock_threshold')}
            required
            inputMode="numeric"
            inputClass="input--short"
            hint="Low while available stock is at or below this."
          />
        </div>
        <SubmitActions busy={save.busy} busyLabel="Saving…" label="Save item" />
      </ActionForm>
    </section>
  );
}
