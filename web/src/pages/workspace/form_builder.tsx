// /workspaces/:id/forms/new and /workspaces/:id/forms/:form (owner): the form builder. A new
// form, once created, opens as its own page; archiving goes back to the list.

import { useState } from 'preact/hooks';
import { deleteForm, getForm } from '../../api/forms';
import { listServices } from '../../api/services';
import type { Form } from '../../api/form_types';
import { ConfirmButton } from '../../components/confirm_button';
import { ErrorBanner } from '../../components/error_banner';
import { Link } from '../../components/link';
import { Notice } from '../../components/notice';
import { useAction, useLoad } from '../../hooks';
import { navigate } from '../../router';
import { FormEditor } from './form_editor';
import { OwnerOnly, type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';

export const FormBuilderPage = workspacePage({
  title: () => 'Form builder',
  body: Body,
});

function Body({ id, params, membership }: WorkspaceBodyProps) {
  const raw = params['form'] ?? 'new';
  const isNew = raw === 'new';
  const formId = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  const form = useLoad(
    (signal) => (isNew ? Promise.resolve(null) : getForm(id, formId, { signal })),
    [],
  );
  const services = useLoad((signal) => listServices(id, true, { signal }));
  const [notice, setNotice] = useState(
    new URLSearchParams(window.location.search).get('saved') === '1',
  );
  const back = (
    <p>
      <Link href={`/workspaces/${id}/forms`}>← Forms</Link>
    </p>
  );

  if (membership && membership.role !== 'owner') {
    return <OwnerOnly id={id} what="build forms" role={membership.role} />;
  }
  if (form.error && !form.data) {
    if (form.error.status === 404 && !isNew) {
      return (
        <div class="notice notice--warn" role="alert" data-testid="form-missing">
          <p>This form does not exist in this workspace.</p>
          {back}
        </div>
      );
    }
    return (
      <WorkspaceProblem
        error={form.error}
        id={id}
        ownerCan="build forms"
        role={membership?.role}
        onRetry={form.reload}
        retrying={form.loading}
      />
    );
  }
  if ((!isNew && !form.data) || (!services.data && !services.error)) {
    return <p class="muted">Loading the form…</p>;
  }
  const current = form.data ?? null;
  return (
    <div class="sections">
      {back}
      <section class="card" aria-labelledby="form-builder-title" data-testid="form-builder">
        <div class="page__head">
          <h2 id="form-builder-title">{current ? current.name : 'New form'}</h2>
          {current && !current.is_active && <span class="badge">Archived</span>}
        </div>
        {notice && <Notice>The form is saved.</Notice>}
        {services.error && <ErrorBanner error={services.error} onRetry={services.reload} />}
        <FormEditor
          key={current ? `${current.id}:${String(current.updated_at)}` : 'new'}
          workspaceId={id}
          form={current}
          services={services.data?.services ?? []}
          onSaved={(f: Form) => {
            const to = `/workspaces/${id}/forms/${f.id}?saved=1`;
            if (isNew) navigate(to, { replace: true });
            else {
              setNotice(true);
              form.reload();
            }
          }}
        />
      </section>
      {current && <ArchiveForm workspaceId={id} form={current} />}
    </div>
  );
}

function ArchiveForm({ workspaceId, form }: { workspaceId: number; form: Form }) {
  const archive = useAction(async () => {
    await deleteForm(workspaceId, form.id);
    navigate(`/workspaces/${workspaceId}/forms`);
  });
  return (
    <section class="card" aria-labelledby="archive-form-title">
      <h2 id="archive-form-title">Remove</h2>
      <p class="field__hint">
        A form that was already sent is archived (its requests and answers stay); one never sent is
        deleted.
      </p>
      {archive.error && <ErrorBanner error={archive.error} />}
      <ConfirmButton
        label="Remove this form"
        question={`Remove ${form.name}? New bookings no longer get it.`}
        confirmLabel="Yes, remove"
        busy={archive.busy}
        busyLabel="Removing…"
        onConfirm={archive.run}
      />
    </section>
  );
}
