import type { ComponentChildren } from 'preact';
import type { PageProps } from '../app';
import type { PublicWorkspace } from '../api/types';
import { publicWorkspace } from '../api/workspaces';
import { ErrorBanner } from '../components/error_banner';
import { Link } from '../components/link';
import { useLoad } from '../hooks';
import { useDocumentTitle } from '../layout';

/** A business's public page, /w/{slug}: no sign-in; "not open yet" until it is activated. */
export function PublicWorkspacePage({ params }: PageProps) {
  const slug = params['slug'] ?? '';
  return (
    <PublicBusiness slug={slug}>
      {(business) => (
        <>
          <Contact business={business} />
          <p class="public__action form__actions">
            <Link href={`/w/${encodeURIComponent(slug)}/book`} class="button">
              Book an appointment
            </Link>
            <Link href={`/w/${encodeURIComponent(slug)}/contact`} class="button button--secondary">
              Send us a message
            </Link>
          </p>
        </>
      )}
    </PublicBusiness>
  );
}

export type OpenBusiness = Extract<PublicWorkspace, { open: true }>;

interface PublicBusinessProps {
  slug: string;
  /** What the page is, for the tab title after the business's name: "Contact". */
  page?: string;
  /** The page of an open business. */
  children: (business: OpenBusiness) => ComponentChildren;
}

/**
 * What every public page of a business shares (GET /api/public/{slug}): its name as the
 * heading; "not found" for an unknown address; "not open yet" before activation.
 */
export function PublicBusiness({ slug, page, children }: PublicBusinessProps) {
  const info = useLoad((signal) => publicWorkspace(slug, { signal }));
  const data = info.data;
  const name = data?.name ?? (info.error?.status === 404 ? 'Not found' : 'Loading…');
  useDocumentTitle(data && page ? `${page} · ${name}` : name);

  if (info.error && !data) {
    if (info.error.status === 404) {
      return (
        <section
          class="page page--narrow"
          aria-labelledby="public-title"
          data-testid="public-missing"
        >
          <h1 id="public-title">Business not found</h1>
          <p>
            No business uses the address <code class="path">/w/{slug}</code>. Check the link you
            were given, or ask the business for its address.
          </p>
        </section>
      );
    }
    return (
      <section class="page page--narrow" aria-label="Business page">
        <ErrorBanner error={info.error} onRetry={info.reload} retrying={info.loading} />
      </section>
    );
  }
  if (!data) return <p class="muted">Loading…</p>;
  return (
    <section class="page page--narrow" aria-labelledby="public-title" data-testid="public-page">
      <h1 id="public-title">{data.name}</h1>
      {data.open ? children(data) : <NotOpenYet name={data.name} />}
    </section>
  );
}

export function NotOpenYet({ name }: { name: string }) {
  return (
    <p class="notice" data-testid="public-not-open">
      {name} is not open yet. Please check back soon.
    </p>
  );
}

function Contact({ business }: { business: OpenBusiness }) {
  const { address, contact_email: email, contact_phone: phone, timezone } = business;
  return (
    <dl class="facts" data-testid="public-contact">
      {address && (
        <>
          <dt>Address</dt>
          <dd>{address}</dd>
        </>
      )}
      {phone && (
        <>
          <dt>Phone</dt>
          <dd>
            <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
          </dd>
        </>
      )}
      {email && (
        <>
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${email}`}>{email}</a>
          </dd>
        </>
      )}
      <dt>Time zone</dt>
      <dd>{timezone.replace(/_/g, ' ')}</dd>
    </dl>
  );
}
