// The "Forms" section of a booking's page (permission forms): the forms sent for it, their
// status and due time, and the answers once filled in. The page reloads it (`version`) when the
// booking changes and on the workspace's form_request events.

import { listFormRequests } from '../../api/forms';
import { ErrorBanner } from '../../components/error_banner';
import { useLoad } from '../../hooks';
import { FormRequestItem } from './form_request_item';

interface BookingFormsProps {
  workspaceId: number;
  bookingId: number;
  tz: string;
  /** Changes whenever the booking or one of the workspace's form requests does. */
  version: number;
}

export function BookingForms(props: BookingFormsProps) {
  const { workspaceId, bookingId, tz } = props;
  const requests = useLoad(
    (signal) => listFormRequests(workspaceId, { booking_id: bookingId }, { signal }),
    [props.version],
  );
  const list = requests.data?.requests ?? [];
  return (
    <section class="card" aria-labelledby="booking-forms-title" aria-busy={requests.loading}>
      <h2 id="booking-forms-title">Forms</h2>
      {requests.error && (
        <ErrorBanner error={requests.error} onRetry={requests.reload} retrying={requests.loading} />
      )}
      {!requests.data && requests.loading && <p class="muted">Loading the forms…</p>}
      {requests.data && list.length === 0 && (
        <p class="muted">No form was sent for this booking.</p>
      )}
      <ul class="rows" data-testid="booking-forms">
        {list.map((request) => (
          <FormRequestItem key={request.id} request={request} workspaceId={workspaceId} tz={tz} />
        ))}
      </ul>
    </section>
  );
}
