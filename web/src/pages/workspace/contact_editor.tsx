// The form of one contact, for creating one and for editing one: name, email, phone, tags,
// notes. A new contact sends what is filled in; an edit sends only what changed.

import { useState } from 'preact/hooks';
import { createContact, updateContact } from '../../api/contacts';
import type { Contact, ContactRequest } from '../../api/inbox_types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, fieldBinder } from '../../components/field';
import { useAction } from '../../hooks';

interface ContactValues {
  name: string;
  email: string;
  phone: string;
  /** As typed: tags separated by commas or spaces. */
  tags: string;
  notes: string;
}

const kFields = ['name', 'email', 'phone', 'tags', 'notes'];

function valuesOf(contact: Contact | null): ContactValues {
  return {
    name: contact?.name ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    tags: contact?.tags.join(', ') ?? '',
    notes: contact?.notes ?? '',
  };
}

/** "VIP, new  clients" → ["vip", "new", "clients"]. */
export function parseTags(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
}

/** The request for `values`: every filled field, or (given `stored`) only the changed ones. */
function requestFor(values: ContactValues, stored: Contact | null): ContactRequest {
  const before = valuesOf(stored);
  const request: ContactRequest = {};
  for (const key of ['name', 'email', 'phone', 'notes'] as const) {
    const value = key === 'notes' ? values.notes : values[key].trim();
    if (stored ? value !== before[key] : value !== '') request[key] = value;
  }
  const tags = parseTags(values.tags);
  if (stored ? tags.join(',') !== stored.tags.join(',') : tags.length > 0) request.tags = tags;
  return request;
}

interface ContactEditorProps {
  workspaceId: number;
  /** The contact to edit; null for a new one. */
  contact: Contact | null;
  /** The contact as saved. */
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
  /** The workspace's default region: how a phone number without +country is read. */
  region: string;
}

export function ContactEditor(props: ContactEditorProps) {
  const { workspaceId, contact, onSaved, onCancel, region } = props;
  const [values, setValues] = useState(() => valuesOf(contact));
  const save = useAction(async () => {
    const request = requestFor(values, contact);
    const saved = contact
      ? await updateContact(workspaceId, contact.id, request)
      : await createContact(workspaceId, request);
    onSaved(saved);
  });
  const field = fieldBinder(values, setValues, save.error);
  const bannerError = errorForBanner(save.error, kFields);
  return (
    <ActionForm onSubmit={save.run}>
      {bannerError && <ErrorBanner error={bannerError} />}
      <Field label="Name" {...field('name')} autocomplete="off" maxLength={200} />
      <Field
        label="Email"
        {...field('email')}
        type="email"
        inputMode="email"
        autocomplete="off"
        hint="An email address, a mobile number, or both."
      />
      <Field
        label="Mobile number"
        {...field('phone')}
        type="tel"
        inputMode="tel"
        autocomplete="off"
        hint={`Numbers without + and a country code are read as ${region} numbers.`}
      />
      <Field
        label="Tags"
        {...field('tags')}
        autocomplete="off"
        hint="Separated by commas, e.g. vip, new-client. Letters, digits, - and _."
      />
      <Field label="Notes" {...field('notes')} rows={3} maxLength={5000} />
      <SubmitActions
        busy={save.busy}
        busyLabel="Saving…"
        label={contact ? 'Save contact' : 'Add contact'}
      >
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </SubmitActions>
    </ActionForm>
  );
}
