// An item's ledger, newest first: each change of its stock — what kind, the on-hand and
// reserved deltas, the booking that caused it, the reason, who and when — with "show more".

import { listLedger } from '../../api/inventory';
import type { LedgerEntry } from '../../api/inventory_types';
import { Link } from '../../components/link';
import { useLoad, useMorePages } from '../../hooks';
import { deltaText, ledgerKindLabel } from '../../inventory_text';
import { formatWhenIn } from '../../time_zone';
import { ListCardBody } from './list_card_body';

interface ItemLedgerProps {
  workspaceId: number;
  itemId: number;
  tz: string;
  /** Changes whenever the item does: the first page is loaded again. */
  version: number;
}

export function ItemLedger({ workspaceId, itemId, tz, version }: ItemLedgerProps) {
  const first = useLoad((signal) => listLedger(workspaceId, itemId, null, { signal }), [version]);
  const further = useMorePages(first.data?.next_cursor, async (cursor: string) => {
    const page = await listLedger(workspaceId, itemId, cursor);
    return { items: page.entries, next: page.next_cursor };
  });
  const entries = [...(first.data?.entries ?? []), ...further.items];
  return (
    <section class="card" aria-labelledby="ledger-title">
      <h2 id="ledger-title">History</h2>
      <ListCardBody
        load={first}
        pages={further}
        empty={first.data && entries.length === 0 ? 'No changes yet.' : null}
        loadingNote="Loading the history…"
        testId="ledger"
        moreLabel="Show older changes"
      >
        {entries.map((entry) => (
          <LedgerRow key={entry.id} entry={entry} workspaceId={workspaceId} tz={tz} />
        ))}
      </ListCardBody>
    </section>
  );
}

function LedgerRow(props: { entry: LedgerEntry; workspaceId: number; tz: string }) {
  const { entry, workspaceId, tz } = props;
  const deltas = [
    entry.on_hand_delta !== 0 ? `on hand ${deltaText(entry.on_hand_delta)}` : '',
    entry.reserved_delta !== 0 ? `reserved ${deltaText(entry.reserved_delta)}` : '',
  ].filter(Boolean);
  return (
    <li class="rows__item" data-testid="ledger-entry" data-kind={entry.kind}>
      <div class="rows__main">
        <strong>{ledgerKindLabel(entry.kind)}</strong>
        <span class="fact-note" data-testid="ledger-deltas">
          {deltas.join(' · ') || 'no change'}
        </span>
        {entry.reason && (
          <span class="fact-note" data-testid="ledger-reason">
            {entry.reason}
          </span>
        )}
        <span class="fact-note" data-testid="ledger-who">
          {entry.author ? entry.author.name : 'Automatic'} · {formatWhenIn(entry.created_at, tz)}
        </span>
      </div>
      {entry.booking_id !== null && (
        <Link href={`/workspaces/${workspaceId}/bookings/${entry.booking_id}`}>
          Booking<span class="visually-hidden"> {entry.booking_id}</span>
        </Link>
      )}
    </li>
  );
}
