// Who a staff booking is for: an existing contact found by the start of a name, email or
// phone (needs the inbox permission), or a new one typed in.

import { useState } from 'preact/hooks';
import { listContacts } from '../../api/contacts';
import type { Contact } from '../../api/inbox_types';
import { ErrorBanner } from '../../components/error_banner';
import { Field } from '../../components/field';
import { useLoad } from '../../hooks';
import { contactLabel } from '../../inbox_text';

export type ContactChoice =
  | { kind: 'existing'; contact: Contact }
  | { kind: 'new'; name: string; phone: string; email: string };

interface ContactPickerProps {
  workspaceId: number;
  canSearch: boolean;
  value: ContactChoice;
  onValue: (choice: ContactChoice) => void;
  /** The server's complaint about a new contact's field, by field name. */
  errorFor: (field: string) => string | null;
}

export const kNewContact: ContactChoice = { kind: 'new', name: '', phone: '', email: '' };

export function ContactPicker({
  workspaceId,
  canSearch,
  value,
  onValue,
  errorFor,
}: ContactPickerProps) {
  const [searching, setSearching] = useState(canSearch);
  if (value.kind === 'existing') {
    return (
      <div class="field" data-testid="contact-chosen">
        <span class="field__label">Customer</span>
        <p>
          <strong>{contactLabel(value.contact)}</strong>{' '}
          <span class="muted-inline">
            {[value.contact.phone, value.contact.email].filter(Boolean).join(' · ')}
          </span>{' '}
          <button type="button" class="link-button" onClick={() => onValue(kNewContact)}>
            Change
          </button>
        </p>
      </div>
    );
  }
  if (searching) {
    return (
      <ContactSearch
        workspaceId={workspaceId}
        onPick={(contact) => onValue({ kind: 'existing', contact })}
        onNew={() => setSearching(false)}
      />
    );
  }
  const set = (change: Partial<{ name: string; phone: string; email: string }>) =>
    onValue({ ...value, ...change });
  return (
    <fieldset class="checks" data-testid="new-contact">
      <legend class="field__label">New customer</legend>
      {canSearch && (
        <p>
          <button type="button" class="link-button" onClick={() => setSearching(true)}>
            Search existing contacts instead
          </button>
        </p>
      )}
      <div class="form">
        <Field
          label="Name"
          name="name"
          value={value.name}
          onValue={(name) => set({ name })}
          error={errorFor('name')}
          required
        />
        <Field
          label="Mobile number"
          name="phone"
          type="tel"
          inputMode="tel"
          value={value.phone}
          onValue={(phone) => set({ phone })}
          error={errorFor('phone')}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          inputMode="email"
          value={value.email}
          onValue={(email) => set({ email })}
          error={errorFor('email')}
        />
      </div>
    </fieldset>
  );
}

interface ContactSearchProps {
  workspaceId: number;
  onPick: (contact: Contact) => void;
  onNew: () => void;
}

function ContactSearch({ workspaceId, onPick, onNew }: ContactSearchProps) {
  const [q, setQ] = useState('');
  const found = useLoad(
    (signal) => listContacts(workspaceId, { q: q.trim(), limit: 8 }, { signal }),
    [q.trim()],
  );
  const contacts = found.data?.contacts ?? [];
  return (
    <div class="field" data-testid="contact-search">
      <Field
        label="Customer"
        name="contact_q"
        value={q}
        onValue={setQ}
        autocomplete="off"
        hint="Type the start of a name, phone number or email."
        required
      />
      {found.error && <ErrorBanner error={found.error} onRetry={found.reload} />}
      <ul class="contact-results">
        {contacts.map((contact) => (
          <li key={contact.id}>
            <button type="button" class="contact-result" onClick={() => onPick(contact)}>
              <strong>{contactLabel(contact)}</strong>
              <span class="muted-inline">
                {' '}
                {[contact.phone, contact.email].filter(Boolean).join(' · ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {found.data && contacts.length === 0 && <p class="muted">No contact matches.</p>}
      <p>
        <button type="button" class="link-button" onClick={onNew}>
          New customer
        </button>
      </p>
    </div>
  );
}
