import * as auth from '../../api/auth';
import type { Session } from '../../api/types';
import { ActionButton } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { formatDateTime } from '../../format';
import { useAction, useLoad } from '../../hooks';

/** Where the account is signed in; revoke one, or every one but this browser. */
export function SessionsSection() {
  const list = useLoad((signal) => auth.listSessions({ signal }));
  const revoke = useAction(async (id: Session['id']) => {
    await auth.revokeSession(id);
    list.reload();
  });
  const revokeOthers = useAction(async () => {
    await auth.revokeOtherSessions();
    list.reload();
  });

  const sessions = list.data?.sessions ?? [];
  const others = sessions.filter((s) => !s.current).length;
  const actionError = revoke.error ?? revokeOthers.error;
  return (
    <section class="card" aria-labelledby="sessions-title" aria-busy={list.loading}>
      <h2 id="sessions-title">Where you are signed in</h2>
      {list.error && (
        <ErrorBanner error={list.error} onRetry={list.reload} retrying={list.loading} />
      )}
      {actionError && <ErrorBanner error={actionError} />}
      {list.loading && !list.data && <p class="muted">Loading sessions…</p>}
      <ul class="rows" data-testid="sessions">
        {sessions.map((session) => (
          <li key={session.id} class="rows__item" data-testid="session">
            <div class="rows__main">
              <strong>{describeAgent(session.user_agent)}</strong>{' '}
              {session.current && <span class="badge badge--ok">This browser</span>}
              <span class="fact-note">
                {session.ip || 'unknown address'} · signed in {formatDateTime(session.created_at)} ·
                last active {formatDateTime(session.last_seen_at)}
              </span>
            </div>
            {!session.current && (
              <button
                type="button"
                class="button button--secondary"
                onClick={() => void revoke.run(session.id)}
                disabled={revoke.busy}
              >
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      {others > 0 && (
        <ActionButton
          secondary
          onClick={revokeOthers.run}
          busy={revokeOthers.busy}
          busyLabel="Signing out…"
          label="Sign out everywhere else"
        />
      )}
    </section>
  );
}

/** "Chrome on Linux" from a User-Agent string; the raw string when nothing is recognised. */
export function describeAgent(userAgent: string): string {
  if (!userAgent) return 'Unknown device';
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux|X11/.test(ua)
            ? 'Linux'
            : null;
  if (!browser) return ua.length > 60 ? `${ua.slice(0, 57)}…` : ua;
  return system ? `${browser} on ${system}` : browser;
}
