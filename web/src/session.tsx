// Who is signed in, for every page. On start it asks GET /api/auth/me: 200 → signed in,
// 401 → signed out, anything else → `error` (pages offer a retry). Without the
// `careops_csrf` cookie there is no session to ask about, so a first-time visitor costs no
// request (and no 401 in the console). The session itself is the server's HttpOnly cookie;
// nothing here stores a token.

import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import * as auth from './api/auth';
import { type ApiError, mayHaveSession, toApiError } from './api/client';
import type { User } from './api/types';
import { currentPath, navigate } from './router';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed_out' }
  | { status: 'signed_in'; user: User }
  | { status: 'error'; error: ApiError };

export interface SessionContextValue {
  state: SessionState;
  /** Asks the server again; resolves with the user, or null when signed out or failing. */
  refresh: () => Promise<User | null>;
  /** Replaces the signed-in user with a fresher copy an endpoint answered with. */
  setUser: (user: User) => void;
  /**
   * Marks the browser signed out without asking the server (after it revoked every session,
   * e.g. on a password change), leaving `notice` for the sign-in page.
   */
  clear: (notice?: string) => void;
  /** Revokes this session on the server; rejects with the ApiError when that fails. */
  signOut: () => Promise<void>;
  /** A one-off message for the next page (e.g. "password changed, sign in again"). */
  notice: string | null;
  setNotice: (notice: string | null) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = useCallback(async (): Promise<User | null> => {
    try {
      const user = await auth.me();
      setState({ status: 'signed_in', user });
      return user;
    } catch (err) {
      const error = toApiError(err);
      setState(error.status === 401 ? { status: 'signed_out' } : { status: 'error', error });
      return null;
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await auth.logout();
    } catch (err) {
      const error = toApiError(err);
      // 401: the session was gone already, which is what was asked for. Anything else
      // leaves the HttpOnly cookie in place, so the browser is still signed in.
      if (error.status !== 401) throw error;
    }
    setState({ status: 'signed_out' });
  }, []);

  useEffect(() => {
    if (mayHaveSession()) void refresh();
    else setState({ status: 'signed_out' });
  }, [refresh]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      refresh,
      setUser: (user) => setState({ status: 'signed_in', user }),
      clear: (message) => {
        setNotice(message ?? null);
        setState({ status: 'signed_out' });
      },
      signOut,
      notice,
      setNotice,
    }),
    [state, refresh, signOut, notice],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

/** The signed-in user, or null while loading, signed out or failing. */
export function useUser(): User | null {
  const { state } = useSession();
  return state.status === 'signed_in' ? state.user : null;
}

/**
 * For pages that need a signed-in user: returns the user, or null while loading or on
 * error; a signed-out visitor is sent to /login?next=<this path> (the path only).
 */
export function useRequiredUser(): User | null {
  const { state } = useSession();
  useEffect(() => {
    if (state.status !== 'signed_out') return;
    navigate(`/login?${new URLSearchParams({ next: currentPath() }).toString()}`, {
      replace: true,
    });
  }, [state.status]);
  return state.status === 'signed_in' ? state.user : null;
}
