// Typed calls for invitations (docs/API.md, "Invitations"). The invitation token only ever
// travels in a JSON body: it comes from the `#token=` fragment of the link and is never put
// in a URL the server sees.

import { apiGet, apiSend, type RequestOptions } from './client';
import { workspacePath } from './workspaces';
import type {
  AcceptInvitationResponse,
  Invitation,
  InvitationPreview,
  InvitationRequest,
  InvitationsResponse,
} from './types';

/** Owner only: sends the link by SMS or email. 409 when already a member; 429 past 50 a day. */
export function createInvitation(id: number, request: InvitationRequest): Promise<Invitation> {
  return apiSend('POST', workspacePath(id, '/invitations'), request);
}

/** Owner only, newest first. */
export function listInvitations(
  id: number,
  options: RequestOptions = {},
): Promise<InvitationsResponse> {
  return apiGet(workspacePath(id, '/invitations'), options);
}

/** Owner only: the link stops working. 409 when it is no longer pending. */
export function revokeInvitation(id: number, invitationId: number): Promise<void> {
  return apiSend(
    'DELETE',
    workspacePath(id, `/invitations/${encodeURIComponent(String(invitationId))}`),
  );
}

/** Public. 404 for an unknown token; 410 when used, expired or revoked (the message says which). */
export function previewInvitation(
  token: string,
  options: RequestOptions = {},
): Promise<InvitationPreview> {
  return apiSend('POST', '/api/invitations/preview', { token }, options);
}

/** Signed in: joins the workspace. 404/410 as for preview; 409 when already a member. */
export function acceptInvitation(token: string): Promise<AcceptInvitationResponse> {
  return apiSend('POST', '/api/invitations/accept', { token });
}
