import { useState } from 'preact/hooks';
import type { Workspace, WorkspaceDetails } from '../../api/types';
import { getWorkspace, updateWorkspace } from '../../api/workspaces';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { errorForBanner } from '../../components/field';
import { Notice } from '../../components/notice';
import { useAction, useLoad } from '../../hooks';
import { useWorkspaces } from '../../workspaces';
import { DetailsFields, kDetailFields } from './details_fields';
import { OwnerOnly, type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';
import { WelcomeTemplates } from './welcome_templates';

/** The workspace's details and welcome messages (owner only): PATCH sends what changed. */
export const SettingsPage = workspacePage({ title: () => 'Settings', body: SettingsBody });

function SettingsBody({ id, membership }: WorkspaceBodyProps) {
  const { state } = useWorkspaces();
  // Members may read the details, so the API would refuse only the save: ask the role first.
  if (!membership && (state.status === 'loading' || state.status === 'idle')) {
    return <p class="muted">Loading…</p>;
  }
  if (membership && membership.role !== 'owner') {
    return <OwnerOnly id={id} what="change its details" role={membership.role} />;
  }
  return (
    <div class="sections">
      <DetailsLoader id={id} />
      {membership && <WelcomeTemplates id={id} slug={membership.slug} />}
    </div>
  );
}

function DetailsLoader({ id }: { id: number }) {
  const workspace = useLoad((signal) => getWorkspace(id, { signal }));
  if (workspace.error && !workspace.data) {
    return (
      <WorkspaceProblem
        error={workspace.error}
        id={id}
        ownerCan="change its details"
        onRetry={workspace.reload}
        retrying={workspace.loading}
      />
    );
  }
  if (!workspace.data) return <p class="muted">Loading the details…</p>;
  return <DetailsEditor workspace={workspace.data} />;
}

function pickDetails(workspace: Workspace): WorkspaceDetails {
  const { name, slug, address, timezone, contact_email, contact_phone, default_region } = workspace;
  return { name, slug, address, timezone, contact_email, contact_phone, default_region };
}

function DetailsEditor({ workspace }: { workspace: Workspace }) {
  const { reload } = useWorkspaces();
  const [stored, setStored] = useState(() => pickDetails(workspace));
  const [details, setDetails] = useState(stored);
  const [notice, setNotice] = useState<string | null>(null);

  const save = useAction(async () => {
    setNotice(null);
    const changed: Partial<WorkspaceDetails> = {};
    for (const field of kDetailFields) {
      const value = details[field].trim();
      if (value !== stored[field]) changed[field] = value;
    }
    if (Object.keys(changed).length === 0) {
      setNotice('Nothing changed, so there was nothing to save.');
      return;
    }
    const updated = pickDetails(await updateWorkspace(workspace.id, changed));
    setStored(updated);
    setDetails(updated);
    setNotice('Details saved.');
    void reload(); // the switcher shows the name
  });
  const bannerError = errorForBanner(save.error, kDetailFields);
  return (
    <section class="card" aria-labelledby="details-title">
      <h2 id="details-title">Business details</h2>
      {notice && <Notice>{notice}</Notice>}
      <ActionForm onSubmit={save.run}>
        {bannerError && <ErrorBanner error={bannerError} />}
        <DetailsFields value={details} onValue={setDetails} error={save.error} withContact />
        <SubmitActions busy={save.busy} busyLabel="Saving…" label="Save details" />
      </ActionForm>
    </section>
  );
}
