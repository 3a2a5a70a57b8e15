// Client-side routing over the History API. The server answers every app path with
// index.html, so any path may be the first one loaded; paths under /api are never routed
// here. Paths are compared without a trailing slash ("/status/" is "/status"); a route's
// pattern may hold ":name" segments ("/workspaces/:id/channels"), see matchPath().

import { useEffect, useState } from 'preact/hooks';

const kChangeEvent = 'careops:navigate';

/** The current path, normalised: no query, no hash, no trailing slash except for "/". */
export function currentPath(): string {
  return normalisePath(window.location.pathname);
}

export function normalisePath(path: string): string {
  if (path.length > 1 && path.endsWith('/')) return path.replace(/\/+$/, '') || '/';
  return path;
}

/** The values of a matched pattern's ":name" segments, decoded: {id: "12"}. */
export type RouteParams = Readonly<Record<string, string>>;

/**
 * Matches a normalised `path` against `pattern`: literal segments must be equal, a ":name"
 * segment takes any one non-empty segment. Returns the parameters, or null when the path
 * does not match (a segment that is not valid percent-encoding does not match either).
 */
export function matchPath(pattern: string, path: string): RouteParams | null {
  const wanted = pattern.split('/');
  const given = path.split('/');
  if (wanted.length !== given.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < wanted.length; i += 1) {
    const want = wanted[i] ?? '';
    const got = given[i] ?? '';
    if (!want.startsWith(':')) {
      if (want !== got) return null;
      continue;
    }
    if (got === '') return null;
    try {
      params[want.slice(1)] = decodeURIComponent(got);
    } catch {
      return null;
    }
  }
  return params;
}

/** Moves to `to` (a same-origin path) without a page load; `replace` keeps history short. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search + window.location.hash) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(kChangeEvent));
}

/** Re-renders the caller whenever the path changes (links, back/forward, navigate()). */
export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('popstate', update);
    window.addEventListener(kChangeEvent, update);
    // Child effects run first: a child may have navigated before this listener existed.
    update();
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(kChangeEvent, update);
    };
  }, []);
  return path;
}

/**
 * True when a click on a link should be left to the browser: modified clicks (new tab or
 * window), non-primary buttons, and clicks something else already handled.
 */
export function isNativeClick(event: MouseEvent): boolean {
  return (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  );
}

/** `path` with `?next=` set to the current URL's own `next` (a sign-in that should come back). */
export function withNextParam(path: string): string {
  const next = nextPathParam('');
  return next ? `${path}?${new URLSearchParams({ next }).toString()}` : path;
}

/**
 * The `?next=` path of the current URL when it is a path of this app (so a crafted link
 * cannot send a fresh sign-in to another site); else `fallback`.
 */
export function nextPathParam(fallback: string): string {
  const next = new URLSearchParams(window.location.search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    return fallback;
  }
  return next;
}
