// The signed-in user's workspaces, for the header's switcher and nav and for every
// workspace page: GET /api/workspaces once signed in, again after anything that changes
// the list (create, join, rename). The "current" workspace is the one in the path
// (/workspaces/{id}/…), else the one last opened in this browser (remembered per user in
// localStorage), else the oldest. Nothing here decides access: the server does, per route.

import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type ApiError, toApiError } from './api/client';
import type { MyWorkspace, Permissions } from './api/types';
import { listMembers, listWorkspaces } from './api/workspaces';
import { useUser } from './session';
import { defaultPermissions } from './workspace_text';

export type WorkspacesState =
  | { status: 'idle' } // signed out, or the session is still loading
  | { status: 'loading' }
  | { status: 'ready'; workspaces: MyWorkspace[] }
  | { status: 'error'; error: ApiError };

export interface WorkspacesContextValue {
  state: WorkspacesState;
  /** See the file comment; null while loading, signed out or a member of none. */
  current: MyWorkspace | null;
  /** Asks the server again; resolves with the list, or null when that failed. */
  reload: () => Promise<MyWorkspace[] | null>;
}

const WorkspacesContext = createContext<WorkspacesContextValue | null>(null);

/** The workspace id in a path like /workspaces/12/members, or null. */
export function workspaceIdInPath(path: string): number | null {
  const match = /^\/workspaces\/(\d{1,15})(?:\/|$)/.exec(path);
  return match ? Number(match[1]) : null;
}

const kRememberPrefix = 'careops_workspace_';

function recall(userId: number): number | null {
  try {
    const value = Number(window.localStorage.getItem(kRememberPrefix + userId));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null; // storage disabled: nothing remembered, nothing lost
  }
}

function remember(userId: number, workspaceId: number): void {
  try {
    window.localStorage.setItem(kRememberPrefix + userId, String(workspaceId));
  } catch {
    // storage disabled or full: the switcher just starts from the oldest workspace
  }
}

interface WorkspacesProviderProps {
  /** The current path: a workspace page makes its workspace the current one. */
  path: string;
  children: ComponentChildren;
}

export function WorkspacesProvider({ path, children }: WorkspacesProviderProps) {
  const user = useUser();
  const userId = user?.id ?? null;
  const [state, setState] = useState<WorkspacesState>({ status: 'idle' });
  const [remembered, setRemembered] = useState<number | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async (): Promise<MyWorkspace[] | null> => {
    const mine = ++generation.current;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    try {
      const { workspaces } = await listWorkspaces();
      if (mine === generation.current) setState({ status: 'ready', workspaces });
      return workspaces;
    } catch (err) {
      if (mine === generation.current) setState({ status: 'error', error: toApiError(err) });
      return null;
    }
  }, []);

  useEffect(() => {
    if (userId === null) {
      generation.current += 1; // an answer still in flight belongs to the previous user
      setState({ status: 'idle' });
      setRemembered(null);
      return;
    }
    setRemembered(recall(userId));
    void reload();
  }, [userId, reload]);

  const inPath = workspaceIdInPath(path);
  useEffect(() => {
    if (userId === null || inPath === null) return;
    remember(userId, inPath);
    setRemembered(inPath);
  }, [userId, inPath]);

  const value = useMemo<WorkspacesContextValue>(() => {
    const list = state.status === 'ready' ? state.workspaces : [];
    const find = (id: number | null) => list.find((w) => w.id === id);
    const current = find(inPath) ?? find(remembered) ?? list[0] ?? null;
    return { state, current, reload };
  }, [state, inPath, remembered, reload]);
  return <WorkspacesContext.Provider value={value}>{children}</WorkspacesContext.Provider>;
}

/**
 * Where opening `workspace` leads: the dashboard once it is open for business, else its home
 * (the owner's onboarding). The home stays in the nav either way.
 */
export function landingPath(workspace: { id: number; is_active: boolean }): string {
  const home = `/workspaces/${workspace.id}`;
  return workspace.is_active ? `${home}/dashboard` : home;
}

export function useWorkspaces(): WorkspacesContextValue {
  const value = useContext(WorkspacesContext);
  if (!value) throw new Error('useWorkspaces() outside <WorkspacesProvider>');
  return value;
}

/** The caller's membership of workspace `id` as the list says, or null (unknown or none). */
export function useMembership(id: number): MyWorkspace | null {
  const { state } = useWorkspaces();
  if (state.status !== 'ready') return null;
  return state.workspaces.find((w) => w.id === id) ?? null;
}

/**
 * What the caller may work on in `workspace`: every flag for an owner, else the flags of their
 * entry in GET …/members (asked once per workspace and role); null while unknown, and when
 * that failed (it only decides which links to offer: the server checks every route).
 */
export function useMyPermissions(workspace: MyWorkspace | null): Permissions | null {
  const userId = useUser()?.id ?? null;
  const [loaded, setLoaded] = useState<{ key: string; permissions: Permissions } | null>(null);
  const id = workspace?.id ?? null;
  const owner = workspace?.role === 'owner';
  const key = `${userId}:${id}:${workspace?.role}`;
  useEffect(() => {
    if (id === null || userId === null || owner) return;
    const controller = new AbortController();
    listMembers(id, { signal: controller.signal }).then(
      ({ members }) => {
        const me = members.find((m) => m.user_id === userId);
        if (me && !controller.signal.aborted) setLoaded({ key, permissions: me.permissions });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [key]);
  if (!workspace) return null;
  if (owner) return defaultPermissions('owner');
  return loaded?.key === key ? loaded.permissions : null;
}
