// "Uses per booking": what one booking of a service takes from stock (items and quantities),
// read with GET and saved with PUT …/services/{id}/usage. A confirmed booking reserves it;
// completing it uses it up. Existing bookings keep what they reserved when this changes.

import { useEffect, useState } from 'preact/hooks';
import type { Service } from '../../api/booking_types';
import type { ApiError } from '../../api/client';
import type { InventoryItem, UsageLine } from '../../api/inventory_types';
import { getServiceUsage, saveServiceUsage } from '../../api/inventory';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Notice } from '../../components/notice';
import { SelectField } from '../../components/select_field';
import { useAction, useLoad } from '../../hooks';
import { formErrorAt, unplacedFormError } from './form_errors';
import { wholeNumber } from './new_item_form';

interface UsageDraft {
  itemId: string;
  quantity: string;
}

/** The lines of active items as the editor holds them (archived items are no longer used). */
function draftsOf(lines: readonly UsageLine[]): UsageDraft[] {
  return lines
    .filter((line) => line.is_active)
    .map((line) => ({ itemId: String(line.item_id), quantity: String(line.quantity) }));
}

interface ServiceUsageProps {
  workspaceId: number;
  services: readonly Service[];
  /** The items a line may name (active ones are offered). */
  items: readonly InventoryItem[];
  onSaved: () => void;
}

export function ServiceUsage({ workspaceId, services, items, onSaved }: ServiceUsageProps) {
  const active = services.filter((s) => s.is_active);
  const [serviceId, setServiceId] = useState<string>(String(active[0]?.id ?? ''));
  const chosen = active.find((s) => String(s.id) === serviceId);
  const current = useLoad(
    (signal) =>
      chosen ? getServiceUsage(workspaceId, chosen.id, { signal }) : Promise.resolve(null),
    [serviceId],
  );
  const [rows, setRows] = useState<UsageDraft[] | null>(null);
  useEffect(() => {
    setRows(current.data ? draftsOf(current.data.usage) : null);
  }, [current.data]);
  const [saved, setSaved] = useState<string | null>(null);

  const save = useAction(async () => {
    if (!chosen || !rows) return;
    const usage = rows.map((row, index) => ({
      item_id: Number(row.itemId),
      quantity: wholeNumber(row.quantity, `usage[${index}].quantity`),
    }));
    const result = await saveServiceUsage(workspaceId, chosen.id, usage);
    setRows(draftsOf(result.usage));
    setSaved(`Saved: what one ${chosen.name} booking uses.`);
    onSaved();
  });

  const choose = (id: string) => {
    setServiceId(id);
    setSaved(null);
    save.setError(null);
    setRows(null);
  };
  const edit = (next: UsageDraft[]) => {
    setSaved(null);
    setRows(next);
  };
  const itemOptions = items.filter((i) => i.is_active);
  const banner = unplacedFormError(save.error, (field) => /^usage\[\d+\]/.test(field));
  return (
    <section class="card" aria-labelledby="usage-title" data-testid="service-usage">
      <h2 id="usage-title">Uses per booking</h2>
      <p class="field__hint">
        What one booking of a service takes from stock: reserved when the booking is confirmed, used
        up when it is completed.
      </p>
      {active.length === 0 ? (
        <p class="muted">No services yet.</p>
      ) : (
        <ActionForm onSubmit={save.run}>
          {saved && <Notice>{saved}</Notice>}
          {banner && <ErrorBanner error={banner} />}
          {current.error && (
            <ErrorBanner
              error={current.error}
              onRetry={current.reload}
              retrying={current.loading}
            />
          )}
          <SelectField
            label="Service"
            name="service_id"
            value={serviceId}
            options={active.map((s) => ({ value: String(s.id), label: s.name }))}
            onValue={choose}
          />
          {rows === null && !current.error && <p class="muted">Loading…</p>}
          {rows !== null && rows.length === 0 && <p class="muted">Uses nothing from stock.</p>}
          {rows !== null && (
            <UsageRows rows={rows} items={itemOptions} error={save.error} onRows={edit} />
          )}
          <SubmitActions
            busy={save.busy}
            busyLabel="Saving…"
            label="Save usage"
            disabled={rows === null}
          />
        </ActionForm>
      )}
    </section>
  );
}

interface UsageRowsProps {
  rows: UsageDraft[];
  items: readonly InventoryItem[];
  error: ApiError | null;
  onRows: (rows: UsageDraft[]) => void;
}

function UsageRows({ rows, items, error, onRows }: UsageRowsProps) {
  const set = (index: number, row: UsageDraft) =>
    onRows(rows.map((old, i) => (i === index ? row : old)));
  return (
    <>
      <ul class="offsets">
        {rows.map((row, index) => {
          const message = formErrorAt(error, `usage[${index}]`, true);
          return (
            <li class="offsets__row" key={index} data-testid="usage-row">
              <select
                class="input input--select"
                aria-label={`Item ${index + 1}`}
                value={row.itemId}
                onChange={(e) => set(index, { ...row, itemId: e.currentTarget.value })}
              >
                {items.map((item) => (
                  <option key={item.id} value={String(item.id)}>
                    {item.name} ({item.unit})
                  </option>
                ))}
              </select>
              <input
                class="input input--short"
                inputMode="numeric"
                aria-label={`Quantity of item ${index + 1}`}
                aria-invalid={message ? true : undefined}
                value={row.quantity}
                onInput={(e) => set(index, { ...row, quantity: e.currentTarget.value })}
              />
              <span class="muted-inline">a booking</span>
              <button
                type="button"
                class="link-button"
                onClick={() => onRows(rows.filter((_, i) => i !== index))}
                aria-label={`Remove item ${index + 1}`}
              >
                Remove
              </button>
              {message && <p class="field__error offsets__error">{message}</p>}
            </li>
          );
        })}
      </ul>
      {items.length > 0 && (
        <div class="form__actions">
          <button
            type="button"
            class="button button--secondary"
            onClick={() => onRows([...rows, { itemId: String(items[0]?.id ?? ''), quantity: '1' }])}
          >
            Add an item to use
          </button>
        </div>
      )}
    </>
  );
}
