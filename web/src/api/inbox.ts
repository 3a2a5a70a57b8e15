// Typed calls for the inbox and the public contact form (docs/API.md, "Public contact form
// and inbox"). The conversation routes need the inbox permission, the templates the owner.
// The inbound SMS webhook is for Twilio, not for the browser, so it has no function here.

import { apiGet, apiSend, type RequestOptions } from './client';
import type {
  ContactFormRequest,
  Conversation,
  ConversationFilter,
  ConversationMessage,
  ConversationUpdate,
  ConversationsResponse,
  MessageTemplate,
  ReplyRequest,
  TemplateKey,
  Thread,
} from './inbox_types';
import { workspacePath } from './workspaces';

function conversationPath(id: number, conversationId: number, rest = ''): string {
  return workspacePath(id, `/conversations/${encodeURIComponent(String(conversationId))}${rest}`);
}

/** One page, newest activity first. */
export function listConversations(
  id: number,
  filter: ConversationFilter,
  options: RequestOptions = {},
): Promise<ConversationsResponse> {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.unread) params.set('unread', '1');
  if (filter.waiting) params.set('waiting', '1');
  if (filter.mine) params.set('assignee', 'me');
  if (filter.cursor) params.set('cursor', filter.cursor);
  const search = params.toString();
  return apiGet(workspacePath(id, `/conversations${search ? `?${search}` : ''}`), options);
}

/** The conversation with its messages, oldest first; marks it read. */
export function getConversation(
  id: number,
  conversationId: number,
  options: RequestOptions = {},
): Promise<Thread> {
  return apiGet(conversationPath(id, conversationId), options);
}

export function updateConversation(
  id: number,
  conversationId: number,
  update: ConversationUpdate,
): Promise<Conversation> {
  return apiSend('PATCH', conversationPath(id, conversationId), update);
}

/**
 * Queues a reply through the workspace's channel and answers it (status `queued`); pauses
 * automation for the contact. 409 when the contact has no phone/email for the channel or
 * opted out of it.
 */
export function sendReply(
  id: number,
  conversationId: number,
  reply: ReplyRequest,
): Promise<ConversationMessage> {
  return apiSend('POST', conversationPath(id, conversationId, '/replies'), reply);
}

/**
 * The `text/event-stream` of the workspace: `conversation` events ({"id"}) whenever one
 * changes, `message` events ({"id", "conversation_id", "status"}) on delivery updates.
 */
export function workspaceEventsPath(id: number): string {
  return workspacePath(id, '/events');
}

/** Owner only. Unchanged templates answer CareOps' own text (`is_default`). */
export function getTemplate(
  id: number,
  key: TemplateKey,
  options: RequestOptions = {},
): Promise<MessageTemplate> {
  return apiGet(workspacePath(id, `/templates/${key}`), options);
}

/** Owner only. 400 naming `body` or `subject` (required for email). */
export function saveTemplate(
  id: number,
  key: TemplateKey,
  template: { subject?: string; body: string },
): Promise<MessageTemplate> {
  return apiSend('PUT', workspacePath(id, `/templates/${key}`), template);
}

/**
 * Public, no sign-in: the customer's message to the business at /w/{slug}/contact. 202 when
 * received; 404 unknown slug; 409 not open yet; 400 naming the field; 429 with Retry-After.
 */
export function submitContactForm(
  slug: string,
  form: ContactFormRequest,
): Promise<{ status: 'received' }> {
  return apiSend('POST', `/api/public/${encodeURIComponent(slug)}/contact`, form);
}
