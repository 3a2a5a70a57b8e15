import { useEffect, useState } from 'preact/hooks';
import { apiGet } from '../api/client';
import type { StatusResponse } from '../api/types';

let consoleSms: Promise<boolean> | null = null;

/** Whether the server prints SMS instead of sending them; asked once per page load. */
function smsGoesToConsole(): Promise<boolean> {
  consoleSms ??= apiGet<StatusResponse>('/api/status').then(
    (status) => status.providers.sms === 'console',
    () => false,
  );
  return consoleSms;
}

/**
 * On a development server (console SMS provider) codes are not delivered: points to the
 * page that shows them. Renders nothing on a server that really sends SMS.
 */
export function DevOutboxHint() {
  const [show, setShow] = useState(false);
  useEffect(() => {
    let live = true;
    void smsGoesToConsole().then((yes) => live && setShow(yes));
    return () => {
      live = false;
    };
  }, []);
  if (!show) return null;
  return (
    <p class="field__hint">
      Development server: SMS are not delivered.{' '}
      <a href="/dev/outbox" target="_blank" rel="noopener">
        Read the code in the development outbox
      </a>{' '}
      (opens a new tab).
    </p>
  );
}
