// The workspace's contacts (inbox permission): search by the start of a name, email or phone,
// filter by tag, page through by name; add, edit, delete; CSV import and export; with the forms
// permission, the forms sent to each.

import { useState } from 'preact/hooks';
import { listContacts } from '../../api/contacts';
import type { Contact } from '../../api/inbox_types';
import { ActionForm } from '../../components/action_form';
import { Field } from '../../components/field';
import { ListCard } from '../../components/list_card';
import { LoadMore } from '../../components/load_more';
import { Notice } from '../../components/notice';
import { useLoad, useMorePages } from '../../hooks';
import { contactLabel } from '../../inbox_text';
import { useMyPermissions } from '../../workspaces';
import { ContactEditor } from './contact_editor';
import { ContactRow } from './contact_row';
import { ContactsTransfer } from './contacts_transfer';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';

export const ContactsPage = workspacePage({ title: () => 'Contacts', body: ContactsBody });

const kPageSize = 50;

interface Search {
  q: string;
  tag: string;
}

function ContactsBody({ id, membership }: WorkspaceBodyProps) {
  const [typed, setTyped] = useState<Search>({ q: '', tag: '' });
  const [search, setSearch] = useState<Search>({ q: '', tag: '' });
  const [version, setVersion] = useState(0);
  const first = useLoad(
    (signal) => listContacts(id, { ...search, limit: kPageSize }, { signal }),
    [search.q, search.tag, version],
  );
  // Further pages, appended below the first; dropped whenever the first is loaded again.
  const further = useMorePages(first.data?.next_cursor, async (cursor: string) => {
    const page = await listContacts(id, { ...search, cursor, limit: kPageSize });
    return { items: page.contacts, next: page.next_cursor };
  });
  const permissions = useMyPermissions(membership);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<Contact | null>(null);
  const refresh = () => {
    further.reset();
    setVersion((n) => n + 1);
  };

  if (first.error && !first.data && (first.error.status === 403 || first.error.status === 404)) {
    return (
      <WorkspaceProblem
        error={first.error}
        id={id}
        ownerCan="see its contacts"
        permission="inbox"
        role={membership?.role}
      />
    );
  }
  const region = membership?.default_region ?? 'US';
  const contacts = [...(first.data?.contacts ?? []), ...further.items];
  const searching = search.q !== '' || search.tag !== '';
  let note: string | null = null;
  if (!first.data) note = first.error ? null : 'Loading contacts…';
  else if (contacts.length === 0) {
    note = searching
      ? 'No contact matches.'
      : 'No contacts yet. They are added as customers write in, or add and import them here.';
  }
  return (
    <div class="sections">
      <section class="card" aria-labelledby="new-contact-title">
        <div class="page__head">
          <h2 id="new-contact-title">New contact</h2>
          {!adding && (
            <button type="button" class="button" onClick={() => setAdding(true)}>
              Add a contact
            </button>
          )}
        </div>
        {added && <Notice>{contactLabel(added)} was added.</Notice>}
        {adding && (
          <ContactEditor
            workspaceId={id}
            contact={null}
            region={region}
            onSaved={(contact) => {
              setAdding(false);
              setAdded(contact);
              refresh();
            }}
            onCancel={() => setAdding(false)}
          />
        )}
      </section>
      <ListCard
        titleId="contacts-title"
        title="Contacts"
        load={{ ...first, reload: refresh }}
        intro={
          <SearchForm
            value={typed}
            onValue={setTyped}
            onSearch={() => {
              refresh();
              setSearch({ q: typed.q.trim(), tag: typed.tag.trim().toLowerCase() });
            }}
          />
        }
        note={note}
        testId="contacts"
        footer={<LoadMore pages={further} label="Show more contacts" />}
      >
        {contacts.map((contact) => (
          <ContactRow
            key={contact.id}
            workspaceId={id}
            contact={contact}
            region={region}
            showForms={permissions?.forms === true}
            tz={membership?.timezone ?? 'UTC'}
            onChanged={refresh}
          />
        ))}
      </ListCard>
      <ContactsTransfer workspaceId={id} onImported={refresh} />
    </div>
  );
}

interface SearchFormProps {
  value: Search;
  onValue: (value: Search) => void;
  onSearch: () => void;
}

function SearchForm({ value, onValue, onSearch }: SearchFormProps) {
  return (
    <div class="search" role="search">
      <ActionForm onSubmit={onSearch}>
        <Field
          label="Search"
          name="q"
          type="text"
          value={value.q}
          onValue={(q) => onValue({ ...value, q })}
          autocomplete="off"
          hint="The start of a name, an email address or a phone number."
        />
        <Field
          label="Tag"
          name="tag"
          value={value.tag}
          onValue={(tag) => onValue({ ...value, tag })}
          autocomplete="off"
        />
        <div class="form__actions">
          <button type="submit" class="button button--secondary">
            Search
          </button>
        </div>
      </ActionForm>
    </div>
  );
}
