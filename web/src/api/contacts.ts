// Typed calls for a workspace's contacts (docs/API.md, "Contacts"). Every route needs the
// inbox permission; 409 on a phone or email another contact has (the error names the field).

import { apiGet, apiSend, apiSendRaw, type RequestOptions } from './client';
import type {
  Contact,
  ContactQuery,
  ContactRequest,
  ContactsResponse,
  ImportResult,
} from './inbox_types';
import { workspacePath } from './workspaces';

function contactPath(id: number, contactId: number): string {
  return workspacePath(id, `/contacts/${encodeURIComponent(String(contactId))}`);
}

/** One page, by name then id. */
export function listContacts(
  id: number,
  query: ContactQuery,
  options: RequestOptions = {},
): Promise<ContactsResponse> {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.tag) params.set('tag', query.tag);
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const search = params.toString();
  return apiGet(workspacePath(id, `/contacts${search ? `?${search}` : ''}`), options);
}

export function createContact(id: number, request: ContactRequest): Promise<Contact> {
  return apiSend('POST', workspacePath(id, '/contacts'), request);
}

export function updateContact(
  id: number,
  contactId: number,
  request: ContactRequest,
): Promise<Contact> {
  return apiSend('PATCH', contactPath(id, contactId), request);
}

/** Its conversation goes too. */
export function deleteContact(id: number, contactId: number): Promise<void> {
  return apiSend('DELETE', contactPath(id, contactId));
}

/**
 * Creates or merges a contact per row of `csv` (a header row naming its columns among name,
 * email, phone, tags, notes). Bad rows are reported, not fatal; 400 without a usable header.
 */
export function importContacts(id: number, csv: string | Blob): Promise<ImportResult> {
  return apiSendRaw('POST', workspacePath(id, '/contacts/import'), { type: 'text/csv', text: csv });
}

/** Where the browser downloads every contact as CSV (the session cookie goes along). */
export function contactsExportPath(id: number): string {
  return workspacePath(id, '/contacts/export');
}
