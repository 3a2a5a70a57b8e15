// "Uses per booking": what one booking of a service takes from stock (items and quantities),
// saved with PUT …/services/{id}/usage. A confirmed booking reserves it; completing it uses it
// up. Existing bookings keep what they reserved when this changes.

import { useState } from 'preact/hooks';
import type { Service } from '../../api/booking_types';
import type { InventoryItem } from '../../api/inventory_types';
import { saveServiceUsage } from '../../api/inventory';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Notice } from '../../components/notice';
import { SelectField } from '../../components/select_field';
import { useAction } from '../../hooks';
import { formErrorAt, unplacedFormError } from './form_errors';
import { wholeNumber } from './new_item_form';

interface UsageDraft {
  itemId: string;
  quantity: string;
}

/** What `items` say one booking of `serviceId` uses. */
function usageOf(serviceId: number, items: readonly InventoryItem[]): UsageDraft[] {
  return items.flatMap((item) =>
    item.usage
      .filter((u) => u.service_id === serviceId)
      .map((u) => ({ itemId: String(item.id), quantity: String(u.quantity) })),
  );
}

interface ServiceUsageProps {
  workspaceId: number;
  services: readonly Service[];
  items: readonly InventoryItem[];
  onSaved: () => void;
}

export function ServiceUsage({ workspaceId, services, items, onSaved }: ServiceUsageProps) {
  const active = services.filter((s) => s.is_active);
  const [serviceId, setServiceId] = useState<string>(String(active[0]?.id ?? ''));
  const [rows, setRows] = useState<UsageDraft[]>(() =>
    active[0] ? usageOf(active[0].id, items) : [],
  );
  const [saved, setSaved] = useState<string | null>(null);
  const chosen = active.find((s) => String(s.id) === serviceId);

  const save = useAction(async () => {
    if (!chosen) return;
    const usage = rows.map((row, index) => ({
      item_id: Number(row.itemId),
      quantity: wholeNumber(row.quantity, `usage[${index}].quantity`),
    }));
    await saveServiceUsage(workspaceId, chosen.id, usage);
    setSaved(`Saved: what one ${chosen.name} booking uses.`);
    onSaved();
  });

  const choose = (id: string) => {
    setServiceId(id);
    setSaved(null);
    save.setError(null);
    setRows(usageOf(Number(id), items));
  };
  const set = (index: number, row: UsageDraft) =>
    setRows(rows.map((old, i) => (i === index ? row : old)));
  const itemOptions = items.filter((i) => i.is_active);
  const banner = unplacedFormError(save.error, (field) => /^usage\[\d+\]/.test(field));
  return (
    <section class="card" aria-labelledby="usage-title" data-testid="service-usage">
      <h2 id="usage-title">Uses per booking</h2>
      <p class="field__hint">
        What one booking of a service takes from stock: reserved when the booking is confirmed,
        used up when it is completed.
      </p>
      {active.length === 0 ? (
        <p class="muted">No services yet.</p>
      ) : (
        <ActionForm onSubmit={save.run}>
          {saved && <Notice>{saved}</Notice>}
          {banner && <ErrorBanner error={banner} />}
          <SelectField
            label="Service"
            name="service_id"
            value={serviceId}
            options={active.map((s) => ({ value: String(s.id), label: s.name }))}
            onValue={choose}
          />
          {rows.length === 0 && <p class="muted">Uses nothing from stock.</p>}
          <ul class="offsets">
            {rows.map((row, index) => {
              const error =
                formErrorAt(save.error, `usage[${index}]`, true) ??
                formErrorAt(save.error, `usage[${index}].quantity`);
              return (
                <li class="offsets__row" key={index} data-testid="usage-row">
                  <select
                    class="input input--select"
                    aria-label={`Item ${index + 1}`}
                    value={row.itemId}
                    onChange={(e) => set(index, { ...row, itemId: e.currentTarget.value })}
                  >
                    {itemOptions.map((item) => (
                      <option key={item.id} value={String(item.id)}>
                        {item.name} ({item.unit})
                      </option>
                    ))}
                  </select>
                  <input
                    class="input input--short"
                    inputMode="numeric"
                    aria-label={`Quantity of item ${index + 1}`}
                    aria-invalid={error ? true : undefined}
                    value={row.quantity}
                    onInput={(e) => set(index, { ...row, quantity: e.currentTarget.value })}
                  />
                  <span class="muted-inline">a booking</span>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => setRows(rows.filter((_, i) => i !== index))}
                    aria-label={`Remove item ${index + 1}`}
                  >
                    Remove
                  </button>
                  {error && <p class="field__error offsets__error">{error}</p>}
                </li>
              );
            })}
          </ul>
          {itemOptions.length > 0 && (
            <div class="form__actions">
              <button
                type="button"
                class="button button--secondary"
                onClick={() =>
                  setRows([...rows, { itemId: String(itemOptions[0]?.id ?? ''), quantity: '1' }])
                }
              >
                Add an item
              </button>
            </div>
          )}
          <SubmitActions busy={save.busy} busyLabel="Saving…" label="Save usage" />
        </ActionForm>
      )}
    </section>
  );
}
