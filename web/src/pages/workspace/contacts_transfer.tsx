// Contacts in and out as CSV: import a file (each bad line reported with its reason, the
// good ones created or merged by phone or email) and download them all.

import { useState } from 'preact/hooks';
import { contactsExportPath, importContacts } from '../../api/contacts';
import type { ImportResult } from '../../api/inbox_types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks';

/** More rejected lines than this are counted, not listed. */
const kShownRejections = 100;

interface ContactsTransferProps {
  workspaceId: number;
  /** After an import: the list is asked for again. */
  onImported: () => void;
}

export function ContactsTransfer({ workspaceId, onImported }: ContactsTransferProps) {
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const upload = useAction(async () => {
    setResult(null);
    if (!file) {
      setMissing(true);
      return;
    }
    setResult(await importContacts(workspaceId, file));
    onImported();
  });
  return (
    <section class="card" aria-labelledby="transfer-title" data-testid="contacts-transfer">
      <h2 id="transfer-title">Import and export</h2>
      <ActionForm onSubmit={upload.run}>
        {upload.error && <ErrorBanner error={upload.error} />}
        <div class="field">
          <label class="field__label" for="contacts-file">
            CSV file to import
          </label>
          <p class="field__hint" id="contacts-file-hint">
            The first row names the columns, in any order: name, email, phone, tags (separated by ;
            or |), notes. A row with the phone or email of a contact you have fills in that
            contact; empty cells change nothing.
          </p>
          <input
            id="contacts-file"
            name="file"
            class="input"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`contacts-file-hint${missing ? ' contacts-file-error' : ''}`}
            aria-invalid={missing ? true : undefined}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setMissing(false);
            }}
          />
          {missing && (
            <p class="field__error" id="contacts-file-error">
              Choose a CSV file first.
            </p>
          )}
        </div>
        <SubmitActions busy={upload.busy} busyLabel="Importing…" label="Import contacts" />
      </ActionForm>
      {result && <ImportReport result={result} />}
      <p class="transfer__export">
        <a
          class="button button--secondary"
          href={contactsExportPath(workspaceId)}
          download="contacts.csv"
          data-testid="contacts-export"
        >
          Download all contacts (CSV)
        </a>
      </p>
    </section>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  const { imported, updated, rejected, total } = result;
  const shown = rejected.slice(0, kShownRejections);
  return (
    <div data-testid="import-result">
      <Notice>
        {total} {total === 1 ? 'row' : 'rows'} read: {imported} new{' '}
        {imported === 1 ? 'contact' : 'contacts'}, {updated} updated, {rejected.length} not
        imported.
      </Notice>
      {rejected.length > 0 && (
        <div class="notice notice--warn" data-testid="import-rejected">
          <p>
            <strong>These lines were not imported</strong> (line 1 is the header). Correct them
            and import the file again: the lines that worked are merged, not doubled.
          </p>
          <ul class="plain-list">
            {shown.map((entry) => (
              <li key={entry.line}>
                Line {entry.line}: {entry.reason}
              </li>
            ))}
          </ul>
          {rejected.length > shown.length && (
            <p>And {rejected.length - shown.length} more lines.</p>
          )}
        </div>
      )}
    </div>
  );
}
