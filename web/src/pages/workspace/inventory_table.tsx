// The inventory as a table: per item what is on hand, reserved by confirmed bookings and
// available, the low-stock threshold (a "Low" badge at or below it) and when the bookings ahead
// use it up. Scrolls sideways inside itself on a narrow screen.

import type { InventoryItem } from '../../api/inventory_types';
import { Link } from '../../components/link';
import { forecastText } from '../../inventory_text';

interface InventoryTableProps {
  workspaceId: number;
  items: readonly InventoryItem[];
}

export function InventoryTable({ workspaceId, items }: InventoryTableProps) {
  return (
    <div class="table-scroll">
      <table class="table" data-testid="inventory-items">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" class="num">
              On hand
            </th>
            <th scope="col" class="num">
              Reserved
            </th>
            <th scope="col" class="num">
              Available
            </th>
            <th scope="col" class="num">
              Low at
            </th>
            <th scope="col">Forecast</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr
              key={item.id}
              data-testid="inventory-item"
              data-id={item.id}
              data-low={item.low ? 'true' : 'false'}
            >
              <th scope="row">
                <Link href={`/workspaces/${workspaceId}/inventory/${item.id}`}>{item.name}</Link>{' '}
                {item.low && (
                  <span class="badge badge--bad" data-testid="low-badge">
                    Low
                  </span>
                )}
                {!item.is_active && <span class="badge">Archived</span>}
                <span class="fact-note">{item.unit}</span>
              </th>
              <td class="num" data-testid="item-on-hand">
                {item.on_hand}
              </td>
              <td class="num" data-testid="item-reserved">
                {item.reserved}
              </td>
              <td class="num" data-testid="item-available">
                {item.available}
              </td>
              <td class="num" data-testid="item-threshold">
                {item.low_stock_threshold}
              </td>
              <td data-testid="item-forecast">
                {item.forecast.runs_out_on === null ? (
                  forecastText(item)
                ) : (
                  <span class="warning">{forecastText(item)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
