// The public booking page of a business, /w/{slug}/book (no sign-in, made for a phone): pick a
// service, a day with free times and a time (shown in the customer's zone, or the business's),
// then name and phone and/or email. The confirmation goes out by SMS (email without a phone)
// with a link to change or cancel. "Not open yet" before the business is activated.

import { useState } from 'preact/hooks';
import type { PageProps } from '../../app';
import type { PublicService, Slot } from '../../api/booking_types';
import { publicServices, publicSlots } from '../../api/bookings';
import { ErrorBanner } from '../../components/error_banner';
import { SlotPicker } from '../../components/slot_picker';
import { useLoad } from '../../hooks';
import { browserTimeZone } from '../../time_zone';
import { NotOpenYet, type OpenBusiness, PublicBusiness } from '../public_workspace';
import { type Booked, BookedConfirmation } from './booked';
import { CustomerDetails } from './customer_details';
import { ServiceChoice } from './service_choice';
import { ZoneChoice } from './zone_choice';

export function BookingPage({ params }: PageProps) {
  const slug = params['slug'] ?? '';
  return (
    <PublicBusiness slug={slug} page="Book">
      {(business) => <BookingFlow business={business} />}
    </PublicBusiness>
  );
}

function BookingFlow({ business }: { business: OpenBusiness }) {
  const catalogue = useLoad((signal) => publicServices(business.slug, { signal }));
  const [service, setService] = useState<PublicService | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [tz, setTz] = useState(browserTimeZone);
  const [booked, setBooked] = useState<Booked | null>(null);
  const [closed, setClosed] = useState(false);
  // Bumped when a time turned out taken: the picker asks again.
  const [version, setVersion] = useState(0);

  if (closed || catalogue.error?.status === 409) return <NotOpenYet name={business.name} />;
  if (catalogue.error && !catalogue.data) {
    return (
      <ErrorBanner
        error={catalogue.error}
        onRetry={catalogue.reload}
        retrying={catalogue.loading}
      />
    );
  }
  if (!catalogue.data) return <p class="muted">Loading what you can book…</p>;
  if (booked) return <BookedConfirmation business={business} booked={booked} />;
  const businessTz = catalogue.data.workspace.timezone || business.timezone;

  if (!service) {
    return (
      <section aria-labelledby="book-title" data-testid="booking-step" data-step="service">
        <h2 id="book-title">Book an appointment</h2>
        <p class="field__hint">Step 1 of 3: what would you like to book?</p>
        <ServiceChoice services={catalogue.data.services} onPick={setService} />
      </section>
    );
  }
  const back = (label: string, onClick: () => void) => (
    <p class="booking__back">
      <button type="button" class="link-button" onClick={onClick}>
        ← {label}
      </button>
    </p>
  );
  if (!slot) {
    return (
      <section aria-labelledby="book-title" data-testid="booking-step" data-step="time">
        {back('Other services', () => setService(null))}
        <h2 id="book-title">{service.name}</h2>
        <p class="field__hint">Step 2 of 3: choose a time.</p>
        <ZoneChoice
          mine={browserTimeZone()}
          business={businessTz}
          businessName={business.name}
          value={tz}
          onValue={setTz}
        />
        <SlotPicker
          key={`${service.id}:${tz}`}
          tz={tz}
          reloadKey={String(version)}
          selected={null}
          onPick={setSlot}
          load={async (from, to, signal) =>
            (await publicSlots(business.slug, service.id, { from, to, tz }, { signal })).slots
          }
        />
      </section>
    );
  }
  return (
    <CustomerDetails
      business={business}
      service={service}
      slot={slot}
      tz={tz}
      onBack={() => setSlot(null)}
      onPick={setSlot}
      onTaken={() => setVersion((n) => n + 1)}
      onClosed={() => setClosed(true)}
      onBooked={setBooked}
    />
  );
}
