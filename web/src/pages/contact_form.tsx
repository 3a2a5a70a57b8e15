// The public contact form of a business, /w/{slug}/contact: no sign-in, made for a phone.
// The message lands in the business's inbox and the customer gets the welcome message by SMS
// (or by email when they gave no number). `website` is a honeypot: hidden from people and
// screen readers and out of the tab order, so only a bot fills it (the server then drops it).

import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { toApiError } from '../api/client';
import { submitContactForm } from '../api/inbox';
import { ActionForm, SubmitActions } from '../components/action_form';
import { ErrorBanner } from '../components/error_banner';
import { Field, errorForBanner, fieldBinder } from '../components/field';
import { Link } from '../components/link';
import { useAction, useFocusOnMount } from '../hooks';
import { NotOpenYet, type OpenBusiness, PublicBusiness } from './public_workspace';

export function ContactFormPage({ params }: PageProps) {
  const slug = params['slug'] ?? '';
  return (
    <PublicBusiness slug={slug} page="Contact">
      {(business) => <ContactForm business={business} />}
    </PublicBusiness>
  );
}

const kFields = ['name', 'phone', 'email', 'message'];

interface Sent {
  name: string;
  /** Where the reply goes: "by text to …" or "by email to …". */
  replyBy: string;
}

function ContactForm({ business }: { business: OpenBusiness }) {
  const [form, setForm] = useState({ name: '', phone: '', email: '', message: '', website: '' });
  const [sent, setSent] = useState<Sent | null>(null);
  const [closed, setClosed] = useState(false);

  const submit = useAction(async () => {
    const phone = form.phone.trim();
    const email = form.email.trim();
    try {
      await submitContactForm(business.slug, {
        name: form.name.trim(),
        message: form.message.trim(),
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
        ...(form.website ? { website: form.website } : {}),
      });
    } catch (err) {
      // 409: the business closed since the page loaded.
      if (toApiError(err).status === 409) setClosed(true);
      throw err;
    }
    setSent({
      name: form.name.trim(),
      replyBy: phone ? `by text message to ${phone}` : `by email to ${email}`,
    });
  });

  if (closed) return <NotOpenYet name={business.name} />;
  if (sent) return <Thanks business={business} sent={sent} />;
  const field = fieldBinder(form, setForm, submit.error);
  const bannerError = errorForBanner(submit.error, kFields);
  return (
    <section aria-labelledby="contact-title" data-testid="contact-form">
      <h2 id="contact-title">Send us a message</h2>
      <p class="field__hint">
        Give your mobile number, your email address, or both: {business.name} replies to one of
        them.
      </p>
      <ActionForm onSubmit={submit.run}>
        {bannerError && (
          <ErrorBanner
            error={bannerError}
            explanation={
              bannerError.status === 429
                ? {
                    title: 'Too many messages from this connection',
                    advice: 'Please wait a few minutes, then send your message again.',
                  }
                : undefined
            }
          />
        )}
        <Field label="Your name" {...field('name')} autocomplete="name" required maxLength={200} />
        <Field
          label="Mobile number"
          {...field('phone')}
          type="tel"
          inputMode="tel"
          autocomplete="tel"
          hint="We reply by text message."
        />
        <Field
          label="Email"
          {...field('email')}
          type="email"
          inputMode="email"
          autocomplete="email"
        />
        <Field label="Message" {...field('message')} rows={5} required maxLength={5000} />
        <div class="honeypot" aria-hidden="true">
          <label for="contact-website">Website</label>
          <input
            id="contact-website"
            name="website"
            type="text"
            tabIndex={-1}
            autocomplete="off"
            value={form.website}
            onInput={(event) => setForm({ ...form, website: event.currentTarget.value })}
          />
        </div>
        <SubmitActions busy={submit.busy} busyLabel="Sending…" label="Send message" />
      </ActionForm>
    </section>
  );
}

function Thanks({ business, sent }: { business: OpenBusiness; sent: Sent }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section
      class="notice"
      role="status"
      aria-labelledby="thanks-title"
      data-testid="contact-thanks"
    >
      <h2 id="thanks-title" tabIndex={-1} ref={heading}>
        Thank you{sent.name ? `, ${sent.name}` : ''}!
      </h2>
      <p>{`${business.name} got your message and will reply ${sent.replyBy}.`}</p>
      <p>
        <Link href={`/w/${encodeURIComponent(business.slug)}`}>Back to {business.name}</Link>
      </p>
    </section>
  );
}
