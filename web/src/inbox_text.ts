// Words shared by the inbox and contacts pages, so every page says the same thing.

import type { ConversationMessage, ConversationStatus } from './api/inbox_types';
import type { MessageChannel } from './api/types';

export const kConversationStatuses: readonly ConversationStatus[] = ['open', 'pending', 'closed'];

export const kConversationStatusLabels: Record<ConversationStatus, string> = {
  open: 'Open',
  pending: 'Pending',
  closed: 'Closed',
};

/** How a contact is named in lists: the name, else the phone, else the email. */
export function contactLabel(contact: {
  name: string;
  phone: string | null;
  email: string | null;
}): string {
  return contact.name.trim() || contact.phone || contact.email || 'Unnamed contact';
}

export function channelLabel(channel: MessageChannel): string {
  return channel === 'sms' ? 'SMS' : 'Email';
}

export interface DeliveryState {
  label: string;
  tone: 'ok' | 'bad' | 'warn' | 'plain';
}

/** An outbound message's delivery state in words ("Delivered", "Failed: …"); inbound: how. */
export function deliveryState(message: ConversationMessage): DeliveryState {
  if (message.direction === 'inbound') {
    const how = message.kind === 'contact_form' ? 'Contact form' : 'Received';
    return { label: how, tone: 'plain' };
  }
  const reason = message.error_message || message.error_code || 'no reason given';
  switch (message.status) {
    case 'queued':
      return { label: 'Queued', tone: 'warn' };
    case 'sending':
      return { label: 'Sending…', tone: 'warn' };
    case 'retrying':
      return { label: `Retrying (${reason})`, tone: 'warn' };
    case 'sent':
      return { label: 'Sent', tone: 'ok' };
    case 'delivered':
      return { label: 'Delivered', tone: 'ok' };
    case 'undelivered':
      return { label: `Not delivered: ${reason}`, tone: 'bad' };
    case 'failed':
      return { label: `Failed: ${reason}`, tone: 'bad' };
    case 'refused':
      return {
        label:
          message.error_code === 'opted_out'
            ? 'Not sent: the contact opted out of SMS'
            : `Not sent: ${reason}`,
        tone: 'bad',
      };
    case 'skipped':
      return { label: 'Not sent: sending is turned off on this server', tone: 'bad' };
    default:
      return { label: message.status, tone: 'plain' };
  }
}

/** Who wrote a message, from the reader's point of view. */
export function messageAuthor(message: ConversationMessage, userId: number): string {
  if (message.direction === 'inbound') return 'Customer';
  if (message.author_id === null) return 'Automatic';
  return message.author_id === userId ? 'You' : 'Staff';
}
