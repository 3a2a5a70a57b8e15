// Typed calls for the messages API (docs/API.md, "Messages"). The Twilio webhooks are for
// Twilio, not for the browser, so they have no function here.

import { apiGet, type RequestOptions } from './client';
import type { Message, OutboxResponse } from './types';

/** One of the caller's own messages with its delivery attempts (404 for anyone else's). */
export function getMessage(id: number | string, options: RequestOptions = {}): Promise<Message> {
  return apiGet(`/api/messages/${encodeURIComponent(String(id))}`, options);
}

/** Development only: 404 unless a console SMS/email provider is active. Newest first. */
export function devOutbox(options: RequestOptions = {}): Promise<OutboxResponse> {
  return apiGet('/api/dev/outbox', options);
}
