import type { PageProps } from '../app';
import type { PublicWorkspace } from '../api/types';
import { publicWorkspace } from '../api/workspaces';
import { ErrorBanner } from '../components/error_banner';
import { useLoad } from '../hooks';
import { useDocumentTitle } from '../layout';

/** A business's public page, /w/{slug}: no sign-in; "not open yet" until it is activated. */
export function PublicWorkspacePage({ params }: PageProps) {
  const slug = params['slug'] ?? '';
  const info = useLoad((signal) => publicWorkspace(slug, { signal }));
  const data = info.data;
  useDocumentTitle(data?.name ?? (info.error?.status === 404 ? 'Not found' : 'Loading…'));

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
      {data.open ? (
        <Contact business={data} />
      ) : (
        <p class="notice" data-testid="public-not-open">
          {data.name} is not open yet. Please check back soon.
        </p>
      )}
    </section>
  );
}

function Contact({ business }: { business: Extract<PublicWorkspace, { open: true }> }) {
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
