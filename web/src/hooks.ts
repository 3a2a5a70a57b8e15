// Small hooks shared by the account pages.

import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiError, toApiError } from './api/client';

export interface Action<A extends unknown[]> {
  /** True while the action runs; a second run() meanwhile is ignored (no double submit). */
  busy: boolean;
  /** The last failure, cleared when the action runs again. */
  error: ApiError | null;
  /** Runs the action; resolves true on success, false on failure (the error is kept). */
  run: (...args: A) => Promise<boolean>;
  setError: (error: ApiError | null) => void;
}

/** Wraps an async call that may reject with an ApiError: tracks busy and the error. */
export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<void>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(fn);
  latest.current = fn;
  const running = useRef(false);

  const run = async (...args: A): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await latest.current(...args);
      return true;
    } catch (err) {
      setError(toApiError(err));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}

/**
 * Whole seconds left until `deadline` (browser ms), rounded up; 0 when it has passed or is
 * null. Re-renders the caller as the count drops.
 */
export function useSecondsUntil(deadline: number | null | undefined): number {
  const [, setTick] = useState(0);
  const left = secondsUntil(deadline);
  useEffect(() => {
    if (deadline == null || secondsUntil(deadline) === 0) return;
    const timer = setInterval(() => {
      setTick((n) => n + 1);
      if (secondsUntil(deadline) === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [deadline]);
  return left;
}

function secondsUntil(deadline: number | null | undefined): number {
  if (deadline == null) return 0;
  return Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
}

/** True while the tab is shown (document.visibilityState === 'visible'). */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

export interface Loaded<T> {
  /** The last good answer; kept while reloading and after a failed reload. */
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads on mount, again on reload() and whenever one of `deps` changes (a filter, a live
 * update); aborts what is in flight on unmount and when a newer load starts.
 */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[] = [],
): Loaded<T> {
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({
    data: null,
    error: null,
    loading: true,
  });
  const latest = useRef(load);
  latest.current = load;
  const inFlight = useRef<AbortController | null>(null);

  const reload = useRef(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState((s) => ({ ...s, loading: true }));
    latest.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) {
          setState((s) => ({ ...s, error: toApiError(err), loading: false }));
        }
      },
    );
  }).current;

  useEffect(() => {
    reload();
    return () => inFlight.current?.abort();
  }, [reload, ...deps]);
  return { ...state, reload };
}

/** A ref that receives keyboard focus once, when the element mounts (e.g. a step heading). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

/** A page of a list and where the next one starts (null: none). */
export interface ListPage<T, C> {
  items: T[];
  next: C | null;
}

export interface MorePages<T> {
  /** The pages loaded after the first, in order. */
  items: T[];
  /** The server has more after the last page loaded. */
  hasMore: boolean;
  /** Loads the next page. */
  more: Action<[]>;
  /** Forgets the further pages: call it when the first page is loaded again. */
  reset: () => void;
}

/**
 * The pages after a list's first one (which the caller loads, e.g. with useLoad): `firstNext`
 * is where the first page said the next one starts; `fetchPage` loads the page at a cursor.
 */
export function useMorePages<T, C>(
  firstNext: C | null | undefined,
  fetchPage: (cursor: C) => Promise<ListPage<T, C>>,
): MorePages<T> {
  const [loaded, setLoaded] = useState<ListPage<T, C> | null>(null);
  const next = loaded ? loaded.next : (firstNext ?? null);
  const more = useAction(async () => {
    if (next === null) return;
    const page = await fetchPage(next);
    setLoaded((l) => ({ items: [...(l?.items ?? []), ...page.items], next: page.next }));
  });
  return { items: loaded?.items ?? [], hasMore: next !== null, more, reset: () => setLoaded(null) };
}
