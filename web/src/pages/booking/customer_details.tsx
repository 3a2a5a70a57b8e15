// The last step of the public booking page: who is coming. On 409 the time was taken in the
// meantime: the answer's fresh times of that day are offered right here. `website` is the
// honeypot, as on the contact form.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { PublicService, Slot } from '../../api/booking_types';
import { bookPublic, freshSlots } from '../../api/bookings';
import { toApiError } from '../../api/client';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, fieldBinder } from '../../components/field';
import { TimeButtons } from '../../components/slot_picker';
import { useAction } from '../../hooks';
import type { OpenBusiness } from '../public_workspace';
import type { Booked } from './booked';
import { BookingSummary } from './booking_summary';

interface CustomerDetailsProps {
  business: OpenBusiness;
  service: PublicService;
  slot: Slot;
  tz: string;
  onBack: () => void;
  /** Another time chosen from the fresh ones after a 409. */
  onPick: (slot: Slot) => void;
  /** The time was taken: the picker should ask again. */
  onTaken: () => void;
  /** The business closed since the page loaded. */
  onClosed: () => void;
  onBooked: (booked: Booked) => void;
}

const kFields = ['name', 'phone', 'email', 'notes'];

export function CustomerDetails(props: CustomerDetailsProps) {
  const { business, service, slot, tz } = props;
  const [form, setForm] = useState({ name: '', phone: '', email: '', notes: '', website: '' });
  const [taken, setTaken] = useState<Slot[] | null>(null);
  // The news is above the form: bring it into view on a phone.
  const takenBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (taken) takenBox.current?.scrollIntoView({ block: 'center' });
  }, [taken]);
  const submit = useAction(async () => {
    const phone = form.phone.trim();
    const email = form.email.trim();
    const notes = form.notes.trim();
    try {
      const answer = await bookPublic(business.slug, {
        service_id: service.id,
        start: slot.start,
        name: form.name.trim(),
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
        ...(notes ? { notes } : {}),
        ...(form.website ? { website: form.website } : {}),
      });
      props.onBooked({ ...answer, service: service.name, tz, phone, email });
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 409 && error.field === 'workspace') {
        props.onClosed();
        return;
      }
      if (error.status === 409) {
        setTaken(freshSlots(error));
        props.onTaken();
        return;
      }
      throw error;
    }
  });

  const field = fieldBinder(form, setForm, submit.error);
  const bannerError = errorForBanner(submit.error, kFields);
  return (
    <section aria-labelledby="details-title" data-testid="booking-step" data-step="details">
      <p class="booking__back">
        <button type="button" class="link-button" onClick={props.onBack}>
          ← Other times
        </button>
      </p>
      <h2 id="details-title">Your details</h2>
      <p class="field__hint">Step 3 of 3: who is coming, and how we reach you.</p>
      {taken && (
        <div class="notice notice--warn" role="alert" data-testid="slot-taken" ref={takenBox}>
          <p>
            <strong>That time was just taken.</strong>{' '}
            {taken.length > 0
              ? 'These times are still free that day: pick one, then book again.'
              : 'Nothing else is free that day: go back to choose another day.'}
          </p>
          {taken.length > 0 && (
            <TimeButtons
              slots={taken}
              tz={tz}
              selected={null}
              onPick={(fresh) => {
                setTaken(null);
                props.onPick(fresh);
              }}
            />
          )}
        </div>
      )}
      {!taken && (
        <BookingSummary
          service={service.name}
          start={slot.start}
          end={slot.end}
          member={slot.staff.length === 1 ? slot.staff[0]?.name : undefined}
          tz={tz}
        />
      )}
      <ActionForm onSubmit={submit.run}>
        {bannerError && <ErrorBanner error={bannerError} />}
        <Field label="Your name" {...field('name')} autocomplete="name" required maxLength={200} />
        <Field
          label="Mobile number"
          {...field('phone')}
          type="tel"
          inputMode="tel"
          autocomplete="tel"
          hint="Your confirmation and reminder come by text message. Give a number, an email, or both."
        />
        <Field
          label="Email"
          {...field('email')}
          type="email"
          inputMode="email"
          autocomplete="email"
        />
        <Field label="Note for us" {...field('notes')} rows={3} maxLength={2000} />
        <div class="honeypot" aria-hidden="true">
          <label for="booking-website">Website</label>
          <input
            id="booking-website"
            name="website"
            type="text"
            tabIndex={-1}
            autocomplete="off"
            value={form.website}
            onInput={(event) => setForm({ ...form, website: event.currentTarget.value })}
          />
        </div>
        <SubmitActions
          busy={submit.busy}
          busyLabel="Booking…"
          label="Book"
          disabled={taken !== null}
        />
      </ActionForm>
    </section>
  );
}
