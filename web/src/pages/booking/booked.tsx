// The public booking page's last screen: what was booked, and what happens next.

import type { PublicBookingResponse } from '../../api/booking_types';
import { Link } from '../../components/link';
import { useFocusOnMount } from '../../hooks';
import type { OpenBusiness } from '../public_workspace';
import { BookingSummary } from './booking_summary';

/** The server's answer, with what the page knew: the service's name, the zone, the contact. */
export interface Booked extends PublicBookingResponse {
  service: string;
  tz: string;
  phone: string;
  email: string;
}

export function BookedConfirmation({
  business,
  booked,
}: {
  business: OpenBusiness;
  booked: Booked;
}) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const pending = booked.booking.status === 'pending';
  const via = booked.phone ? `by text message to ${booked.phone}` : `by email to ${booked.email}`;
  return (
    <section aria-labelledby="booked-title" data-testid="booking-confirmation">
      <div class="notice" role="status">
        <h2 id="booked-title" tabIndex={-1} ref={heading}>
          {pending ? 'Request sent' : 'You are booked'}
        </h2>
        <p>
          {pending
            ? `${business.name} confirms each booking of this kind: you will hear from them ${via}.`
            : `See you then! ${business.name} has your appointment.`}
        </p>
      </div>
      <BookingSummary
        service={booked.booking.service.name || booked.service}
        start={booked.booking.start}
        end={booked.booking.end}
        member={booked.booking.member?.name}
        tz={booked.tz}
      />
      <h3 class="booking__next-title">What happens next</h3>
      <ul class="plain-list" data-testid="booking-next">
        <li>A confirmation is on its way {via}.</li>
        <li>
          It holds a link to change or cancel the appointment.
          {booked.phone && ' You can also reply C to confirm or X to cancel.'}
        </li>
        <li>You get a reminder before the appointment.</li>
      </ul>
      <div class="form__actions">
        <a
          class="button button--secondary"
          href={`/b#token=${encodeURIComponent(booked.manage_token)}`}
        >
          Change or cancel
        </a>
        <Link href={`/w/${encodeURIComponent(business.slug)}`} class="button button--secondary">
          Back to {business.name}
        </Link>
      </div>
    </section>
  );
}
