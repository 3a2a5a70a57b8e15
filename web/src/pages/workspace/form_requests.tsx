// /workspaces/:id/forms/requests?status=overdue|pending|completed|cancelled (permission forms):
// the forms sent for bookings, newest first, filtered by status, each linked to its booking.
// Follows the workspace's form_request events when the stream is readable, else refreshes when
// the tab comes back.

import { useState } from 'preact/hooks';
import type { FormRequestStatus } from '../../api/form_types';
import { listFormRequests } from '../../api/forms';
import { Link } from '../../components/link';
import { ListCard } from '../../components/list_card';
import { LoadMore } from '../../components/load_more';
import { kRequestStatusLabels, kRequestStatuses } from '../../forms_text';
import { useLoad, useMorePages } from '../../hooks';
import { useFormRequestEvents, useRefreshOnFocus } from '../../live';
import { useMyPermissions } from '../../workspaces';
import { FormRequestItem } from './form_request_item';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';
import { canFollowEvents } from './live_access';

export const FormRequestsPage = workspacePage({ title: () => 'Form requests', body: Body });

const kPageSize = 50;

function statusInUrl(): FormRequestStatus | null {
  const value = new URLSearchParams(window.location.search).get('status');
  return (kRequestStatuses as readonly string[]).includes(value ?? '')
    ? (value as FormRequestStatus)
    : null;
}

function Body({ id, membership }: WorkspaceBodyProps) {
  const [status, setStatus] = useState<FormRequestStatus | null>(statusInUrl);
  const [version, setVersion] = useState(0);
  const query = status ? { status } : {};
  const first = useLoad(
    (signal) => listFormRequests(id, { ...query, limit: kPageSize }, { signal }),
    [status, version],
  );
  const further = useMorePages(first.data?.next_cursor, async (cursor: string) => {
    const page = await listFormRequests(id, { ...query, cursor, limit: kPageSize });
    return { items: page.requests, next: page.next_cursor };
  });
  const refresh = () => {
    further.reset();
    setVersion((n) => n + 1);
  };
  const permissions = useMyPermissions(membership);
  const live = canFollowEvents(permissions, 'forms');
  useFormRequestEvents(id, refresh, live && first.data !== null);
  useRefreshOnFocus(refresh, !live);

  if (first.error && !first.data && [403, 404].includes(first.error.status)) {
    return (
      <WorkspaceProblem
        error={first.error}
        id={id}
        ownerCan="see the forms sent"
        permission="forms"
        role={membership?.role}
      />
    );
  }
  const choose = (next: FormRequestStatus | null) => {
    const search = next ? `?status=${next}` : '';
    window.history.replaceState(null, '', `/workspaces/${id}/forms/requests${search}`);
    further.reset();
    setStatus(next);
  };
  const requests = [...(first.data?.requests ?? []), ...further.items];
  let note: string | null = null;
  if (!first.data) note = first.error ? null : 'Loading requests…';
  else if (requests.length === 0) note = 'No requests match.';
  const tz = membership?.timezone ?? 'UTC';
  return (
    <div class="sections">
      <p>
        <Link href={`/workspaces/${id}/forms`}>← Forms</Link>
      </p>
      <ListCard
        titleId="requests-title"
        title="Requests"
        load={{ ...first, reload: refresh }}
        intro={
          <div class="filter-buttons" role="group" aria-label="Show">
            <FilterButton label="All" pressed={status === null} onClick={() => choose(null)} />
            {kRequestStatuses.map((s) => (
              <FilterButton
                key={s}
                label={kRequestStatusLabels[s]}
                pressed={status === s}
                onClick={() => choose(s)}
              />
            ))}
          </div>
        }
        note={note}
        testId="form-requests"
        footer={<LoadMore pages={further} label="Show more requests" />}
      >
        {requests.map((request) => (
          <FormRequestItem
            key={request.id}
            request={request}
            workspaceId={id}
            tz={tz}
            showContact
            showBooking
          />
        ))}
      </ListCard>
    </div>
  );
}

function FilterButton(props: { label: string; pressed: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      class={props.pressed ? 'button' : 'button button--secondary'}
      aria-pressed={props.pressed}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  );
}
