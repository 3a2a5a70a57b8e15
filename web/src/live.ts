// Live updates of a workspace: GET /api/workspaces/{id}/events through EventSource (same
// origin, so the session cookie goes along). The stream says *that* something changed, never
// what: pages re-fetch what they show. The browser reconnects by itself after a dropped
// connection; when it gives up (an answer other than a stream, e.g. after signing out), a new
// one is tried after 2 s, doubling up to a minute. Every (re)connection may have missed
// events, so it is reported as a change of anything.

import { useEffect, useRef, useState } from 'preact/hooks';
import { workspaceEventsPath } from './api/inbox';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/**
 * Called with the id of the conversation that changed, or null when it could be any (the
 * stream (re)connected, or an event named none).
 */
export type OnConversationChange = (conversationId: number | null) => void;

const kFirstRetryMs = 2000;
const kMaxRetryMs = 60_000;

/**
 * Follows workspace `id`'s events while mounted and `enabled` (off, e.g., once the page knows
 * the user may not read them); answers the connection's state.
 */
export function useConversationEvents(
  id: number,
  onChange: OnConversationChange,
  enabled = true,
): LiveState {
  // Delivery updates name their conversation; unnamed events arrive as "message" too.
  const events = { conversation: 'id', message: 'conversation_id' };
  return useWorkspaceStream(id, events, (_name, changed) => onChange(changed), enabled);
}

/**
 * Called with the id of the booking that changed, or null when it could be any (the stream
 * (re)connected).
 */
export type OnBookingChange = (bookingId: number | null) => void;

/** Follows the `booking` events of workspace `id` (made, moved, confirmed, cancelled…). */
export function useBookingEvents(id: number, onChange: OnBookingChange, enabled = true): LiveState {
  return useWorkspaceStream(id, { booking: 'id' }, (_name, changed) => onChange(changed), enabled);
}

/**
 * Follows every event of workspace `id` that changes what the dashboard counts: bookings,
 * conversations, message deliveries, form requests and stock. `onChange` gets no id: the
 * dashboard fetches its whole answer again.
 */
export function useDashboardEvents(id: number, onChange: () => void, enabled = true): LiveState {
  const events = {
    booking: 'id',
    conversation: 'id',
    message: 'conversation_id',
    form_request: 'id',
    inventory: 'id',
  };
  return useWorkspaceStream(id, events, () => onChange(), enabled);
}

/**
 * Called with the id of the form request or inventory item that changed, or null when it could
 * be any (the stream (re)connected).
 */
export type OnRecordChange = (changedId: number | null) => void;

/** Follows the `form_request` events of workspace `id` (sent, reminded, completed, cancelled). */
export function useFormRequestEvents(
  id: number,
  onChange: OnRecordChange,
  enabled = true,
): LiveState {
  return useWorkspaceStream(
    id,
    { form_request: 'id' },
    (_n, changed) => onChange(changed),
    enabled,
  );
}

/** Follows the `inventory` events of workspace `id` (an item's stock or settings changed). */
export function useInventoryEvents(
  id: number,
  onChange: OnRecordChange,
  enabled = true,
): LiveState {
  return useWorkspaceStream(id, { inventory: 'id' }, (_n, changed) => onChange(changed), enabled);
}

/**
 * Without the stream: calls `onFocus` whenever the tab comes back into view or the window gets
 * focus again (at most once a second), while `enabled`.
 */
export function useRefreshOnFocus(onFocus: () => void, enabled = true): void {
  const latest = useRef(onFocus);
  latest.current = onFocus;
  useEffect(() => {
    if (!enabled) return;
    let last = Date.now();
    const refresh = () => {
      if (document.visibilityState !== 'visible' || Date.now() - last < 1000) return;
      last = Date.now();
      latest.current();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [enabled]);
}

/**
 * Called with an event's name and the id its data named; with (null, null) when the stream
 * (re)connected and anything may have changed.
 */
export type OnWorkspaceEvent = (name: string | null, changedId: number | null) => void;

/**
 * One stream for several kinds of events (a page showing bookings and their form requests):
 * for each event name in `events`, reports the name and the id under the given key of its data.
 */
export function useWorkspaceEvents(
  id: number,
  events: Readonly<Record<string, string>>,
  onEvent: OnWorkspaceEvent,
  enabled = true,
): LiveState {
  return useWorkspaceStream(id, events, onEvent, enabled);
}

/**
 * The workspace's stream: for each event name in `events`, reports the name and the id under
 * the given key of its data; reports (null, null) on every (re)connection.
 */
function useWorkspaceStream(
  id: number,
  events: Readonly<Record<string, string>>,
  onChange: OnWorkspaceEvent,
  enabled: boolean,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const latest = useRef(onChange);
  latest.current = onChange;
  const names = JSON.stringify(events);

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let retryMs = kFirstRetryMs;
    const connect = () => {
      const current = new EventSource(workspaceEventsPath(id));
      source = current;
      current.onopen = () => {
        retryMs = kFirstRetryMs;
        setState('live');
        latest.current(null, null);
      };
      for (const [name, key] of Object.entries(events)) {
        current.addEventListener(name, (event: MessageEvent<string>) =>
          latest.current(name, idIn(event.data, key)),
        );
      }
      current.onerror = () => {
        setState('reconnecting');
        if (current.readyState !== EventSource.CLOSED) return; // the browser retries itself
        current.close();
        timer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, kMaxRetryMs);
      };
    };
    setState('connecting');
    connect();
    return () => {
      clearTimeout(timer);
      source?.close();
    };
  }, [id, enabled, names]);
  return state;
}

/** The positive integer `key` of an event's JSON data, or null. */
function idIn(data: string, key: string): number | null {
  try {
    const value: unknown = (JSON.parse(data) as Record<string, unknown>)[key];
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}
