// When the dashboard fetches its answer again: on the workspace's events (members with the
// inbox permission may read the stream), gathered for 500 ms so a burst of changes costs one
// request; without the stream every minute and whenever the window gets the focus back.

import { useEffect, useRef } from 'preact/hooks';
import { type LiveState, useDashboardEvents } from '../../live';

const kDebounceMs = 500;
const kPollMs = 60_000;

/** Calls `reload` as described above; answers the stream's state (null: no stream). */
export function useDashboardRefresh(
  id: number,
  live: boolean,
  reload: () => void,
): LiveState | null {
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
    live,
  );

  useEffect(() => {
    if (live) return;
    const poll = setInterval(() => latest.current(), kPollMs);
    const onFocus = () => latest.current();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(poll);
      window.removeEventListener('focus', onFocus);
    };
  }, [live]);
  return live ? state : null;
}
