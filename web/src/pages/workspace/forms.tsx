// /workspaces/:id/forms (permission forms): the workspace's intake forms, which services'
// bookings get each, and the way to the requests sent. Owners build and change forms.

import { useState } from 'preact/hooks';
import type { Service } from '../../api/booking_types';
import type { Form } from '../../api/form_types';
import { listForms, updateForm } from '../../api/forms';
import { listServices } from '../../api/services';
import { Link } from '../../components/link';
import { ListCard } from '../../components/list_card';
import { RestoreRow } from '../../components/restore_row';
import { formatMinutes } from '../../booking_text';
import { dueOffsetLabel } from '../../forms_text';
import { useLoad } from '../../hooks';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';

export const FormsPage = workspacePage({ title: () => 'Forms', body: FormsBody });

function FormsBody({ id, membership }: WorkspaceBodyProps) {
  const [version, setVersion] = useState(0);
  const forms = useLoad((signal) => listForms(id, true, { signal }), [version]);
  const services = useLoad((signal) => listServices(id, true, { signal }));
  const owner = membership?.role === 'owner';
  const base = `/workspaces/${id}/forms`;

  if (forms.error && !forms.data && [403, 404].includes(forms.error.status)) {
    return (
      <WorkspaceProblem
        error={forms.error}
        id={id}
        ownerCan="see its forms"
        permission="forms"
        role={membership?.role}
      />
    );
  }
  const list = forms.data?.forms ?? [];
  const active = list.filter((f) => f.is_active);
  const archived = list.filter((f) => !f.is_active);
  const serviceList = services.data?.services ?? [];
  let note: string | null = null;
  if (!forms.data) note = forms.error ? null : 'Loading forms…';
  else if (active.length === 0) {
    note = owner ? 'No forms yet. Build the first one.' : 'No forms yet.';
  }
  return (
    <div class="sections">
      <section class="card" aria-labelledby="forms-intro-title">
        <div class="page__head">
          <h2 id="forms-intro-title">Intake forms</h2>
          {owner && (
            <Link href={`${base}/new`} class="button">
              New form
            </Link>
          )}
        </div>
        <p class="field__hint">
          A form linked to a service goes to the customer with each booking of it, by SMS or email.
          Their answers show on the booking.
        </p>
        <p>
          Requests: <Link href={`${base}/requests?status=overdue`}>overdue</Link> ·{' '}
          <Link href={`${base}/requests?status=pending`}>waiting</Link> ·{' '}
          <Link href={`${base}/requests?status=completed`}>completed</Link> ·{' '}
          <Link href={`${base}/requests`}>all</Link>
        </p>
      </section>
      <ListCard
        titleId="forms-title"
        title="Forms"
        load={{ ...forms, reload: () => setVersion((n) => n + 1) }}
        note={note}
        testId="forms"
      >
        {active.map((form) => (
          <FormRow key={form.id} form={form} services={serviceList} base={base} owner={owner} />
        ))}
      </ListCard>
      {archived.length > 0 && (
        <section class="card" aria-labelledby="archived-forms-title">
          <h2 id="archived-forms-title">Archived</h2>
          <p class="field__hint">Kept for the answers already given; no longer sent.</p>
          <ul class="rows" data-testid="archived-forms">
            {archived.map((form) => (
              <RestoreRow
                key={form.id}
                name={form.name}
                label="Send it again"
                testId="archived-form"
                canRestore={owner}
                restore={() => updateForm(id, form.id, { is_active: true })}
                onRestored={() => setVersion((n) => n + 1)}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

interface FormRowProps {
  form: Form;
  services: readonly Service[];
  base: string;
  owner: boolean;
}

function FormRow({ form, services, base, owner }: FormRowProps) {
  const linked = services.filter((s) => form.service_ids.includes(s.id)).map((s) => s.name);
  const reminder =
    form.reminder_minutes_before_due === null
      ? 'no reminder'
      : `reminder ${formatMinutes(form.reminder_minutes_before_due)} before`;
  const count = form.fields.length;
  return (
    <li class="rows__item" data-testid="form-row" data-id={form.id}>
      <div class="rows__main">
        <strong data-testid="form-name">{form.name}</strong>
        <span class="fact-note">
          {count} {count === 1 ? 'field' : 'fields'} · due {dueOffsetLabel(form.due_offset_minutes)}{' '}
          · {reminder}
        </span>
        <span class="fact-note">
          For: {linked.length ? linked.join(', ') : <span class="warning">no service yet</span>}
        </span>
      </div>
      {owner && (
        <div class="rows__actions">
          <Link href={`${base}/${form.id}`} class="button button--secondary">
            Edit<span class="visually-hidden"> {form.name}</span>
          </Link>
        </div>
      )}
    </li>
  );
}
