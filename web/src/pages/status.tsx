import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, apiGet } from '../api/client';
import type { EmailProvider, SmsProvider, StatusResponse } from '../api/types';
import { ErrorBanner } from '../components/error_banner';
import { formatDateTime, formatDuration, formatTime } from '../format';
import { useDocumentTitle } from '../layout';

interface State {
  /** Last good answer; kept on screen while refreshing and after a failed refresh. */
  data: StatusResponse | null;
  /** When `data` arrived, in browser milliseconds. */
  fetchedAt: number | null;
  error: ApiError | null;
  loading: boolean;
}

export function StatusPage() {
  useDocumentTitle('Status');
  const [state, setState] = useState<State>({
    data: null,
    fetchedAt: null,
    error: null,
    loading: true,
  });
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await apiGet<StatusResponse>('/api/status', { signal: controller.signal });
      setState({ data, fetchedAt: Date.now(), error: null, loading: false });
    } catch (err) {
      if (controller.signal.aborted) return;
      const error =
        err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err));
      setState((s) => ({ ...s, error, loading: false }));
    }
  }, []);

  useEffect(() => {
    void load();
    return () => inFlight.current?.abort();
  }, [load]);

  const { data, fetchedAt, error, loading } = state;
  return (
    <section class="page" aria-labelledby="status-title" aria-busy={loading}>
      <div class="page__head">
        <h1 id="status-title">System status</h1>
        <button
          type="button"
          class="button"
          onClick={() => void load()}
          disabled={loading}
          data-testid="status-refresh"
        >
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <p class="muted" aria-live="polite">
        {loading && !data ? 'Loading status…' : null}
        {fetchedAt !== null && !loading ? `Checked at ${formatTime(fetchedAt)}.` : null}
      </p>
      {error && <ErrorBanner error={error} onRetry={() => void load()} retrying={loading} />}
      {data && <StatusDetails status={data} />}
    </section>
  );
}

function StatusDetails({ status }: { status: StatusResponse }) {
  const { database, migrations, providers } = status;
  return (
    <dl class="facts">
      <dt>Version</dt>
      <dd data-testid="status-version">{status.version}</dd>

      <dt>Uptime</dt>
      <dd data-testid="status-uptime">
        {formatDuration(status.uptime_seconds)}{' '}
        <span class="fact-note">since {formatDateTime(status.started_at)}</span>
      </dd>

      <dt>Database</dt>
      <dd data-testid="status-database">
        <span class={database.reachable ? 'badge badge--ok' : 'badge badge--bad'}>
          {database.reachable ? 'Reachable' : 'Not reachable'}
        </span>{' '}
        {dialectName(database.dialect)}{' '}
        <code class="fact-note location">{database.location}</code>{' '}
        {!database.reachable && (
          <span class="fact-note warning">
            Check that the database is running and that DATABASE_URL points at it.
          </span>
        )}
      </dd>

      <dt>Migrations</dt>
      <dd data-testid="status-migrations">
        <MigrationLevel migrations={migrations} />
      </dd>

      <dt>SMS provider</dt>
      <dd data-testid="status-sms">
        <ProviderName name={providers.sms} />{' '}
        <span class="fact-note">{explainProvider(providers.sms)}</span>
      </dd>

      <dt>Email provider</dt>
      <dd data-testid="status-email">
        <ProviderName name={providers.email} />{' '}
        <span class="fact-note">{explainProvider(providers.email)}</span>
      </dd>
    </dl>
  );
}

function MigrationLevel({ migrations }: { migrations: StatusResponse['migrations'] }) {
  const { current, latest } = migrations;
  const level = `${current} of ${latest}`;
  if (migrations.up_to_date) return <>{level} — up to date</>;
  if (current > latest) {
    return (
      <span class="warning">
        {level} — the database is newer than this server; upgrade careops before using it.
      </span>
    );
  }
  const missing = latest - current;
  return (
    <span class="warning">
      {level} — behind by {missing} {missing === 1 ? 'migration' : 'migrations'}; run{' '}
      <code>careops migrate</code>, then restart the server.
    </span>
  );
}

function ProviderName({ name }: { name: SmsProvider | EmailProvider }) {
  return <strong class="provider">{name}</strong>;
}

function dialectName(dialect: string): string {
  if (dialect === 'sqlite') return 'SQLite';
  if (dialect === 'postgres') return 'PostgreSQL';
  return dialect;
}

/** One line per provider, so an owner knows whether customers really get messages. */
function explainProvider(name: string): string {
  switch (name) {
    case 'console':
      return 'Messages are printed in the server log, not delivered. For development only.';
    case 'twilio':
      return 'Real SMS delivery through Twilio.';
    case 'smtp':
      return 'Real email delivery through your SMTP server.';
    case 'none':
      return 'Sending is off: messages are recorded as skipped.';
    default:
      return 'Unknown provider: check the server configuration.';
  }
}
