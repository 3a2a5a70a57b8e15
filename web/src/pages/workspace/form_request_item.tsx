// One form request in a list (the requests page, a booking's and a contact's forms): the form,
// its status, when it is due, and — once completed — every answer as "label: value".

import type { FormRequestRecord } from '../../api/form_types';
import { Link } from '../../components/link';
import { answerText, requestStatusClass, requestStatusLabel } from '../../forms_text';
import { formatWhenIn } from '../../time_zone';

interface FormRequestItemProps {
  request: FormRequestRecord;
  workspaceId: number;
  tz: string;
  /** Show who it was sent to (lists of several contacts). */
  showContact?: boolean;
  /** Link the booking it was sent for (lists outside the booking's page). */
  showBooking?: boolean;
}

export function FormRequestItem(props: FormRequestItemProps) {
  const { request, workspaceId, tz, showContact = false, showBooking = false } = props;
  const answers = request.status === 'completed' ? (request.answers ?? []) : [];
  return (
    <li
      class="rows__item"
      data-testid="form-request"
      data-id={request.id}
      data-status={request.status}
    >
      <div class="rows__main">
        <strong data-testid="form-request-name">{request.form.name}</strong>
        {showContact && <span class="fact-note">For {request.contact.name || 'a contact'}</span>}
        <span class="fact-note" data-testid="form-request-when">
          {request.status === 'completed' && request.completed_at !== null
            ? `Filled in on ${formatWhenIn(request.completed_at, tz)}`
            : `Due on ${formatWhenIn(request.due_at, tz)}`}
          {request.sent_at !== null && request.status !== 'completed' && (
            <> · sent {formatWhenIn(request.sent_at, tz)}</>
          )}
          {request.reminded_at !== null && request.status !== 'completed' && (
            <> · reminded {formatWhenIn(request.reminded_at, tz)}</>
          )}
        </span>
        {showBooking && (
          <Link href={`/workspaces/${workspaceId}/bookings/${request.booking_id}`}>
            Open the booking
          </Link>
        )}
      </div>
      <span class={requestStatusClass(request.status)} data-testid="form-request-status">
        {requestStatusLabel(request.status)}
      </span>
      {answers.length > 0 && (
        <dl class="facts rows__full answers" data-testid="form-answers">
          {answers.map((answer) => (
            <div class="answers__item" key={answer.key} data-key={answer.key}>
              <dt>{answer.label}</dt>
              <dd class="pre-wrap">{answerText(answer)}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
