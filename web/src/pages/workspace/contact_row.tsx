import { useState } from 'preact/hooks';
import { deleteContact } from '../../api/contacts';
import type { Contact } from '../../api/inbox_types';
import { ConfirmButton } from '../../components/confirm_button';
import { ErrorBanner } from '../../components/error_banner';
import { Link } from '../../components/link';
import { useAction } from '../../hooks';
import { contactLabel } from '../../inbox_text';
import { ContactEditor } from './contact_editor';
import { ContactForms } from './contact_forms';

const kSourceLabels: Record<string, string> = {
  manual: 'Added by hand',
  import: 'Imported',
  contact_form: 'Contact form',
  inbound_sms: 'Texted in',
};

interface ContactRowProps {
  workspaceId: number;
  contact: Contact;
  region: string;
  /** With the forms permission: a Forms button shows the forms sent to the contact. */
  showForms?: boolean;
  /** The workspace's time zone, for the forms' times. */
  tz?: string;
  /** After an edit or a deletion: the list is asked for again. */
  onChanged: () => void;
}

/**
 * One contact: how to reach them, tags, opt-outs; edit, delete, open the conversation, and (with
 * the forms permission) the forms sent to them.
 */
export function ContactRow(props: ContactRowProps) {
  const { workspaceId, contact, region, onChanged, showForms = false, tz = 'UTC' } = props;
  const [editing, setEditing] = useState(false);
  const [forms, setForms] = useState(false);
  const remove = useAction(async () => {
    await deleteContact(workspaceId, contact.id);
    onChanged();
  });
  const name = contactLabel(contact);
  const reach = [contact.phone, contact.email].filter(Boolean).join(' · ');
  return (
    <li class="rows__item" data-testid="contact" data-id={contact.id}>
      <div class="rows__main">
        <strong data-testid="contact-name">{name}</strong>{' '}
        {contact.sms_opted_out && <span class="badge badge--bad">Opted out of SMS</span>}{' '}
        {contact.email_opted_out && <span class="badge badge--bad">Opted out of email</span>}
        <span class="fact-note" data-testid="contact-reach">
          {reach}
          {' · '}
          {kSourceLabels[contact.source] ?? contact.source.replace(/_/g, ' ')}
        </span>
        {contact.tags.length > 0 && (
          <span class="tags" aria-label="Tags">
            {contact.tags.map((tag) => (
              <span class="badge" key={tag}>
                {tag}
              </span>
            ))}
          </span>
        )}
        {contact.notes && <span class="contact__notes">{contact.notes}</span>}
      </div>
      <div class="rows__actions">
        {contact.conversation_id !== null && (
          <Link
            href={`/workspaces/${workspaceId}/inbox/${contact.conversation_id}`}
            class="button button--secondary"
          >
            Conversation
          </Link>
        )}
        {showForms && (
          <button
            type="button"
            class="button button--secondary"
            aria-expanded={forms}
            onClick={() => setForms(!forms)}
          >
            {forms ? 'Hide forms' : 'Forms'}
          </button>
        )}
        <button
          type="button"
          class="button button--secondary"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {editing ? 'Close' : 'Edit'}
        </button>
        <ConfirmButton
          label="Delete"
          question={`Delete ${name}? Their conversation and its messages go too. This cannot be undone.`}
          confirmLabel="Yes, delete"
          busy={remove.busy}
          busyLabel="Deleting…"
          onConfirm={remove.run}
        />
      </div>
      {remove.error && (
        <div class="rows__full">
          <ErrorBanner error={remove.error} />
        </div>
      )}
      {forms && (
        <div class="rows__full">
          <ContactForms workspaceId={workspaceId} contactId={contact.id} tz={tz} />
        </div>
      )}
      {editing && (
        <div class="rows__full member-editor">
          <ContactEditor
            workspaceId={workspaceId}
            contact={contact}
            region={region}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      )}
    </li>
  );
}
