import { useEffect, useRef, useState } from 'preact/hooks';
import type { MyWorkspace, WorkspaceDetails } from '../api/types';
import { createWorkspace } from '../api/workspaces';
import { ActionForm, SubmitActions } from '../components/action_form';
import { ErrorBanner } from '../components/error_banner';
import { errorForBanner } from '../components/field';
import { Link } from '../components/link';
import { useAction } from '../hooks';
import { useDocumentTitle } from '../layout';
import { navigate } from '../router';
import { useRequiredUser } from '../session';
import { roleLabel } from '../workspace_text';
import { landingPath, useWorkspaces } from '../workspaces';
import {
  DetailsFields,
  browserRegion,
  browserTimeZone,
  kDetailFields,
} from './workspace/details_fields';

/** The user's workspaces, and the form for a new one (which then opens its home). */
export function WorkspacesPage() {
  useDocumentTitle('Workspaces');
  const user = useRequiredUser();
  const { state, reload } = useWorkspaces();
  const workspaces = state.status === 'ready' ? state.workspaces : [];
  const none = state.status === 'ready' && workspaces.length === 0;

  return (
    <section class="page" aria-labelledby="workspaces-title">
      <h1 id="workspaces-title">Your workspaces</h1>
      {state.status === 'loading' && <p class="muted">Loading your workspaces…</p>}
      {state.status === 'error' && (
        <ErrorBanner error={state.error} onRetry={() => void reload()} />
      )}
      {none && (
        <p data-testid="no-workspaces">
          You are not in any workspace yet. Create one for your business below. Invited to someone
          else's? Open the link from the invitation message.
        </p>
      )}
      <div class="sections">
        {workspaces.length > 0 && <WorkspaceList workspaces={workspaces} />}
        {user && <NewWorkspaceCard />}
      </div>
    </section>
  );
}

function WorkspaceList({ workspaces }: { workspaces: MyWorkspace[] }) {
  return (
    <ul class="rows card" data-testid="workspace-list">
      {workspaces.map((workspace) => (
        <li key={workspace.id} class="rows__item" data-testid="workspace-item">
          <div class="rows__main">
            <Link href={landingPath(workspace)}>
              <strong>{workspace.name}</strong>
            </Link>{' '}
            <span class="badge">{roleLabel(workspace.role)}</span>{' '}
            <span class={workspace.is_active ? 'badge badge--ok' : 'badge'}>
              {workspace.is_active ? 'Open' : 'Not open yet'}
            </span>
            <span class="fact-note">/w/{workspace.slug}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

function NewWorkspaceCard() {
  const { reload } = useWorkspaces();
  const heading = useRef<HTMLHeadingElement>(null);
  const [details, setDetails] = useState<WorkspaceDetails>(() => ({
    name: '',
    slug: '',
    address: '',
    timezone: browserTimeZone(),
    contact_email: '',
    contact_phone: '',
    default_region: browserRegion(),
  }));
  // "New workspace" in the switcher links here with #new: bring the form into view.
  useEffect(() => {
    if (window.location.hash === '#new') heading.current?.focus();
  }, []);

  const create = useAction(async () => {
    const workspace = await createWorkspace({
      name: details.name.trim(),
      slug: details.slug.trim(),
      timezone: details.timezone.trim(),
      default_region: details.default_region.trim(),
    });
    await reload();
    navigate(`/workspaces/${workspace.id}`);
  });
  const bannerError = errorForBanner(create.error, kDetailFields);
  return (
    <section class="card" aria-labelledby="new-workspace-title">
      <h2 id="new-workspace-title" tabIndex={-1} ref={heading}>
        New workspace
      </h2>
      <p class="field__hint">
        One workspace per business. You become its owner; it stays closed to customers until you
        activate it.
      </p>
      <ActionForm onSubmit={create.run}>
        {bannerError && <ErrorBanner error={bannerError} />}
        <DetailsFields
          value={details}
          onValue={setDetails}
          error={create.error}
          suggestSlugFromName
        />
        <SubmitActions busy={create.busy} busyLabel="Creating…" label="Create workspace" />
      </ActionForm>
    </section>
  );
}
