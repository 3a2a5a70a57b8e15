// Records stock that came in (a restock: a positive quantity, the reason optional) or a
// correction (an adjustment: a signed quantity such as −2, with the reason required), as one
// ledger row. The server names the field at fault.

import { useState } from 'preact/hooks';
import type { InventoryItem, StockChangeKind } from '../../api/inventory_types';
import { changeStock } from '../../api/inventory';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ChoiceField } from '../../components/choice_field';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, fieldBinder } from '../../components/field';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks';
import { deltaText } from '../../inventory_text';
import { wholeNumber } from './new_item_form';

interface StockChangeFormProps {
  workspaceId: number;
  item: InventoryItem;
  onChanged: (item: InventoryItem) => void;
}

const kFields = ['quantity', 'reason', 'kind'];

export function StockChangeForm({ workspaceId, item, onChanged }: StockChangeFormProps) {
  const [kind, setKind] = useState<StockChangeKind>('restock');
  const [values, setValues] = useState({ quantity: '', reason: '' });
  const [done, setDone] = useState<string | null>(null);
  const submit = useAction(async () => {
    setDone(null);
    const quantity = wholeNumber(values.quantity, 'quantity', kind === 'adjustment');
    const result = await changeStock(workspaceId, item.id, {
      kind,
      quantity,
      reason: values.reason.trim(),
    });
    setValues({ quantity: '', reason: '' });
    setDone(
      kind === 'restock'
        ? `Restocked ${quantity} ${item.unit}: ${result.on_hand} on hand.`
        : `Adjusted by ${deltaText(quantity)} ${item.unit}: ${result.on_hand} on hand.`,
    );
    onChanged(result);
  });
  const field = fieldBinder(values, setValues, submit.error);
  const banner = errorForBanner(submit.error, kFields);
  return (
    <section class="card" aria-labelledby="stock-change-title" data-testid="stock-change">
      <h2 id="stock-change-title">Restock or adjust</h2>
      <ActionForm onSubmit={submit.run}>
        {done && <Notice>{done}</Notice>}
        {banner && <ErrorBanner error={banner} />}
        <ChoiceField<StockChangeKind>
          legend="What happened"
          value={kind}
          onValue={(k) => {
            setKind(k);
            submit.setError(null);
          }}
          choices={[
            { value: 'restock', label: 'Restock', hint: 'New stock came in.' },
            {
              value: 'adjustment',
              label: 'Adjustment',
              hint: 'A count was off, something broke or expired: + or − the difference.',
            },
          ]}
        />
        <Field
          label={kind === 'restock' ? `Quantity received (${item.unit})` : `Change (${item.unit})`}
          {...field('quantity')}
          required
          inputMode={kind === 'restock' ? 'numeric' : 'text'}
          inputClass="input--short"
          hint={kind === 'adjustment' ? 'Negative to take away, e.g. -2.' : undefined}
        />
        <Field
          label="Reason"
          {...field('reason')}
          required={kind === 'adjustment'}
          maxLength={500}
          hint={kind === 'restock' ? 'e.g. the supplier’s delivery note.' : undefined}
        />
        <SubmitActions
          busy={submit.busy}
          busyLabel="Saving…"
          label={kind === 'restock' ? 'Record restock' : 'Record adjustment'}
        />
      </ActionForm>
    </section>
  );
}
