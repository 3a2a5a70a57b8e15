// Typed calls for a workspace's SMS and email channels (docs/API.md, "Channels"). All are
// owner only. Stored secrets come back masked; sending a secret blank keeps the stored one.

import { apiGet, apiSend, type RequestOptions } from './client';
import { workspacePath } from './workspaces';
import type {
  ChannelsResponse,
  EmailChannel,
  EmailChannelRequest,
  MessageChannel,
  SmsChannel,
  SmsChannelRequest,
} from './types';

export function getChannels(id: number, options: RequestOptions = {}): Promise<ChannelsResponse> {
  return apiGet(workspacePath(id, '/channels'), options);
}

/** A change clears the channel's test. */
export function saveSmsChannel(id: number, request: SmsChannelRequest): Promise<SmsChannel> {
  return apiSend('PUT', workspacePath(id, '/channels/sms'), request);
}

export function saveEmailChannel(id: number, request: EmailChannelRequest): Promise<EmailChannel> {
  return apiSend('PUT', workspacePath(id, '/channels/email'), request);
}

/**
 * Queues a test message to `to` (a phone for SMS, an address for email) and answers the
 * channel with its new `test`; poll getChannels() to follow it. 409 when the channel uses
 * the server's provider and the server has none; 429 past 10 tests an hour.
 */
export function sendChannelTest<C extends SmsChannel | EmailChannel>(
  id: number,
  channel: MessageChannel,
  to: string,
): Promise<C> {
  return apiSend('POST', workspacePath(id, `/channels/${channel}/test`), { to });
}
