// Typed calls for the workspaces API (docs/API.md, "Workspaces", "Onboarding and
// activation", "Audit" and the public business page). Member routes answer 404 when the
// workspace does not exist or the caller is not an active member, 403 when the role does
// not allow the route.

import { apiGet, apiSend, type RequestOptions } from './client';
import type {
  CreateWorkspaceRequest,
  Member,
  MembersResponse,
  MemberUpdate,
  Onboarding,
  PublicWorkspace,
  Workspace,
  WorkspaceAuditResponse,
  WorkspaceDetails,
  WorkspacesResponse,
} from './types';

const kBase = '/api/workspaces';

/** The path of workspace `id`, plus `rest` ("/members"). */
export function workspacePath(id: number, rest = ''): string {
  return `${kBase}/${encodeURIComponent(String(id))}${rest}`;
}

/** The caller's active memberships, oldest first, each with the caller's role. */
export function listWorkspaces(options: RequestOptions = {}): Promise<WorkspacesResponse> {
  return apiGet(kBase, options);
}

/** Creates an inactive workspace owned by the caller. 409 field `slug` when taken. */
export function createWorkspace(request: CreateWorkspaceRequest): Promise<Workspace> {
  return apiSend('POST', kBase, request);
}

export function getWorkspace(id: number, options: RequestOptions = {}): Promise<Workspace> {
  return apiGet(workspacePath(id), options);
}

/** Owner only; absent fields are kept. */
export function updateWorkspace(
  id: number,
  details: Partial<WorkspaceDetails>,
): Promise<Workspace> {
  return apiSend('PATCH', workspacePath(id), details);
}

export function listMembers(id: number, options: RequestOptions = {}): Promise<MembersResponse> {
  return apiGet(workspacePath(id, '/members'), options);
}

/** Owner only. A changed role without `permissions` resets the flags to the role's. */
export function updateMember(id: number, userId: number, update: MemberUpdate): Promise<Member> {
  return apiSend(
    'PATCH',
    workspacePath(id, `/members/${encodeURIComponent(String(userId))}`),
    update,
  );
}

/** Owner only. 409 when it would leave the workspace without an active owner. */
export function removeMember(id: number, userId: number): Promise<void> {
  return apiSend('DELETE', workspacePath(id, `/members/${encodeURIComponent(String(userId))}`));
}

/** Owner only: the eight steps, computed by the server on every call. */
export function getOnboarding(id: number, options: RequestOptions = {}): Promise<Onboarding> {
  return apiGet(workspacePath(id, '/onboarding'), options);
}

/** Owner only. 409 with `problems` (one per missing step) while it is not ready. */
export function activateWorkspace(id: number): Promise<Workspace> {
  return apiSend('POST', workspacePath(id, '/activate'));
}

export interface AuditPage {
  /** An event id from `next_before`: only older events are answered. */
  before?: number;
  /** 1–200; the server's default is 50. */
  limit?: number;
}

/** Owner only: the workspace's events, newest first. */
export function workspaceAudit(
  id: number,
  page: AuditPage,
  options: RequestOptions = {},
): Promise<WorkspaceAuditResponse> {
  const query = new URLSearchParams();
  if (page.before !== undefined) query.set('before', String(page.before));
  if (page.limit !== undefined) query.set('limit', String(page.limit));
  const search = query.toString();
  return apiGet(workspacePath(id, `/audit${search ? `?${search}` : ''}`), options);
}

/** Public, no sign-in: what customers see at /w/{slug}. 404 for an unknown slug. */
export function publicWorkspace(
  slug: string,
  options: RequestOptions = {},
): Promise<PublicWorkspace> {
  return apiGet(`/api/public/${encodeURIComponent(slug)}`, options);
}
