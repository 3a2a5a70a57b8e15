// The forms sent to one contact (permission forms), newest first, each linked to its booking
// and with the answers once filled in: shown under the contact in the contacts list.

import { listFormRequests } from '../../api/forms';
import { useLoad, useMorePages } from '../../hooks';
import { FormRequestItem } from './form_request_item';
import { ListCardBody } from './list_card_body';

interface ContactFormsProps {
  workspaceId: number;
  contactId: number;
  tz: string;
}

const kPageSize = 20;

export function ContactForms({ workspaceId, contactId, tz }: ContactFormsProps) {
  const first = useLoad((signal) =>
    listFormRequests(workspaceId, { contact_id: contactId, limit: kPageSize }, { signal }),
  );
  const further = useMorePages(first.data?.next_cursor, async (cursor: string) => {
    const page = await listFormRequests(workspaceId, {
      contact_id: contactId,
      cursor,
      limit: kPageSize,
    });
    return { items: page.requests, next: page.next_cursor };
  });
  const requests = [...(first.data?.requests ?? []), ...further.items];
  return (
    <section class="contact-forms" aria-label="Forms sent">
      <h3 class="contact-forms__title">Forms sent</h3>
      <ListCardBody
        load={first}
        pages={further}
        empty={first.data && requests.length === 0 ? 'No form was sent to this contact.' : null}
        loadingNote="Loading the forms…"
        testId="contact-forms"
        moreLabel="Show more forms"
      >
        {requests.map((request) => (
          <FormRequestItem
            key={request.id}
            request={request}
            workspaceId={workspaceId}
            tz={tz}
            showBooking
          />
        ))}
      </ListCardBody>
    </section>
  );
}
