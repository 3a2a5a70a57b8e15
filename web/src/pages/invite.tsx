// Where an invitation link lands: /invite#token=…. The token is read from the fragment
// (which no server sees), kept in this tab's sessionStorage so a sign-in or registration
// on the way can come back to it, removed from the address bar, and only ever sent in a
// JSON body.

import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { acceptInvitation, previewInvitation } from '../api/invitations';
import type { InvitationPreview } from '../api/types';
import { ActionButton } from '../components/action_form';
import { ErrorBanner } from '../components/error_banner';
import { Link } from '../components/link';
import { formatDateTime } from '../format';
import { useAction, useLoad } from '../hooks';
import { useDocumentTitle } from '../layout';
import { navigate } from '../router';
import { useSession } from '../session';
import { roleLabel } from '../workspace_text';
import { useWorkspaces } from '../workspaces';

const kTokenKey = 'careops_invite_token';
const kBackHere = `?${new URLSearchParams({ next: '/invite' }).toString()}`;

/** The link's token, else the one this tab kept before a sign-in; null when neither. */
function takeToken(): string | null {
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('token')?.trim() ?? '';
  try {
    if (fromLink) {
      window.sessionStorage.setItem(kTokenKey, fromLink);
      return fromLink;
    }
    return window.sessionStorage.getItem(kTokenKey);
  } catch {
    return fromLink || null; // storage disabled: the link still works in one go
  }
}

function forgetToken(): void {
  try {
    window.sessionStorage.removeItem(kTokenKey);
  } catch {
    // nothing was kept
  }
}

export function InvitePage() {
  useDocumentTitle('Invitation');
  const [token] = useState(takeToken);
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  }, []);
  return (
    <section class="page page--narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">Invitation</h1>
      {token ? (
        <InvitationDetails token={token} />
      ) : (
        <p class="field__error" role="alert" data-testid="invite-problem">
          This page needs the invitation link you were sent, and the link is incomplete. Open it
          again from the message, in full.
        </p>
      )}
    </section>
  );
}

function InvitationDetails({ token }: { token: string }) {
  const preview = useLoad((signal) => previewInvitation(token, { signal }));
  if (preview.error && !preview.data) {
    return (
      <InviteProblem error={preview.error} onRetry={preview.reload} retrying={preview.loading} />
    );
  }
  if (!preview.data) return <p class="muted">Loading the invitation…</p>;
  return <Offer token={token} preview={preview.data} />;
}

interface InviteProblemProps {
  error: ApiError;
  onRetry?: () => void;
  retrying?: boolean;
}

/** 404: not a real link; 410: used, expired or revoked (the server says which). */
function InviteProblem({ error, onRetry, retrying = false }: InviteProblemProps) {
  if (error.status === 404 || error.status === 410) {
    return (
      <div class="notice notice--warn" role="alert" data-testid="invite-problem">
        <p>
          <strong>
            {error.status === 404
              ? 'This invitation link is not valid.'
              : 'This invitation no longer works.'}
          </strong>
        </p>
        {error.status === 410 && <p data-testid="invite-reason">{sentence(error.message)}</p>}
        <p>
          {error.status === 404 && 'Check that the whole link was opened. '}
          Ask the person who invited you to send a new invitation.
        </p>
      </div>
    );
  }
  return onRetry ? (
    <ErrorBanner error={error} onRetry={onRetry} retrying={retrying} />
  ) : (
    <ErrorBanner error={error} />
  );
}

/** "invitation was revoked" → "Invitation was revoked." */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function Offer({ token, preview }: { token: string; preview: InvitationPreview }) {
  const session = useSession();
  const workspaces = useWorkspaces();
  const name = preview.workspace.name;
  const accept = useAction(async () => {
    const { workspace } = await acceptInvitation(token);
    forgetToken();
    await workspaces.reload();
    navigate(`/workspaces/${workspace.id}`, { replace: true });
  });
  const { state } = session;
  const error = accept.error;
  return (
    <div class="sections">
      <div class="card" data-testid="invitation-offer">
        <p class="invite__lead">
          {preview.invited_by ?? 'Someone'} invited you to join{' '}
          <strong data-testid="invite-workspace">{name}</strong> as{' '}
          <strong data-testid="invite-role">{roleLabel(preview.role)}</strong>.
        </p>
        <p class="fact-note">
          Sent to {preview.recipient}. The link works until {formatDateTime(preview.expires_at)}.
        </p>
      </div>
      {state.status === 'loading' && <p class="muted">Checking whether you are signed in…</p>}
      {(state.status === 'signed_out' || state.status === 'error') && (
        <div>
          <p>
            To join, create a CareOps account, or sign in if you have one. You come back here
            afterwards.
          </p>
          <div class="form__actions">
            <Link href={`/register${kBackHere}`} class="button">
              Create an account
            </Link>
            <Link href={`/login${kBackHere}`} class="button button--secondary">
              Sign in
            </Link>
          </div>
        </div>
      )}
      {state.status === 'signed_in' && (
        <div>
          <p>
            Signed in as <strong>{state.user.full_name}</strong> ({state.user.email}).
          </p>
          {error?.status === 409 ? (
            <p class="notice" role="status" data-testid="already-member">
              You are already a member of {name}.{' '}
              <Link href="/workspaces">Go to your workspaces</Link>
            </p>
          ) : error?.status === 404 || error?.status === 410 ? (
            <InviteProblem error={error} />
          ) : (
            <>
              {error && <ErrorBanner error={error} />}
              <ActionButton
                onClick={accept.run}
                busy={accept.busy}
                busyLabel="Joining…"
                label={`Join ${name}`}
              />
              <p class="field__hint">
                Not you? Sign out at the top of the page, then open the link again.
              </p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
