// When the dashboard fetches its answer again: on the workspace's events (every member's
// stream carries the events their permissions cover, i.e. those of the sections they see),
// gathered for 500 ms so a burst of changes costs one request; while the stream is not
// connected, every minute and whenever the window gets the focus back.

import { useEffect, useRef } from 'preact/hooks';
import { type LiveState, useDashboardEvents, useRefreshOnFocus } from '../../live';

const kDebounceMs = 500;
const kPollMs = 60_000;

/** Calls `reload` as described above while `enabled`; answers the stream's state. */
export function useDashboardRefresh(id: number, enabled: boolean, reload: () => void): LiveState {
  const latest = useRef(reload);
  latest.current = reload;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const state = useDashboardEvents(
    id,
    () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => latest.current(), kDebounceMs);
    },
    enabled,
  );

  const polling = enabled && state !== 'live';
  useRefreshOnFocus(() => latest.current(), polling);
  useEffect(() => {
    if (!polling) return;
    const poll = setInterval(() => latest.current(), kPollMs);
    return () => clearInterval(poll);
  }, [polling]);
  return state;
}
