import { useEffect } from 'preact/hooks';
import type { MyWorkspace, User, Workspace } from '../../api/types';
import { getWorkspace, listMembers } from '../../api/workspaces';
import { ErrorBanner } from '../../components/error_banner';
import { Link } from '../../components/link';
import { useLoad } from '../../hooks';
import { describePermissions, roleLabel } from '../../workspace_text';
import { useWorkspaces } from '../../workspaces';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';
import { OnboardingWizard } from './onboarding';

/**
 * Owners get the onboarding wizard; everyone else their role and what they can open. Once the
 * workspace is open, "/" and the workspace lists lead to its dashboard instead (landingPath);
 * this page stays in the nav, and links the dashboard.
 */
export const WorkspaceHomePage = workspacePage({
  title: (membership) => membership?.name ?? 'Workspace',
  body: HomeBody,
});

function HomeBody({ id, membership, user }: WorkspaceBodyProps) {
  const workspace = useLoad((signal) => getWorkspace(id, { signal }));
  const workspaces = useWorkspaces();
  // Readable but not in the list: joined since the list was loaded (e.g. in another tab).
  const stale = workspace.data !== null && !membership && workspaces.state.status === 'ready';
  useEffect(() => {
    if (stale) void workspaces.reload();
  }, [stale]);

  if (workspace.error && !workspace.data) {
    return (
      <WorkspaceProblem
        error={workspace.error}
        id={id}
        ownerCan="open this page"
        onRetry={workspace.reload}
        retrying={workspace.loading}
      />
    );
  }
  if (workspaces.state.status === 'error' && !membership) {
    return <ErrorBanner error={workspaces.state.error} onRetry={() => void workspaces.reload()} />;
  }
  if (!workspace.data || !membership) return <p class="muted">Loading…</p>;
  return (
    <div class="sections">
      <OpenState workspace={workspace.data} />
      {workspace.data.is_active && (
        <p>
          <Link href={`/workspaces/${id}/dashboard`}>Open the dashboard</Link>: what is happening
          in the business right now.
        </p>
      )}
      {membership.role === 'owner' ? (
        <OnboardingWizard workspace={workspace.data} onActivated={workspace.reload} />
      ) : (
        <MemberHome membership={membership} user={user} />
      )}
    </div>
  );
}

function OpenState({ workspace }: { workspace: Workspace }) {
  return (
    <p class="open-state" data-testid="open-state">
      <span class={workspace.is_active ? 'badge badge--ok' : 'badge'}>
        {workspace.is_active ? 'Open to customers' : 'Not open yet'}
      </span>{' '}
      Public page:{' '}
      <a href={`/w/${workspace.slug}`} target="_blank" rel="noopener">
        /w/{workspace.slug}
      </a>
      , contact form:{' '}
      <a href={`/w/${workspace.slug}/contact`} target="_blank" rel="noopener">
        /w/{workspace.slug}/contact
      </a>
      , booking:{' '}
      <a href={`/w/${workspace.slug}/book`} target="_blank" rel="noopener">
        /w/{workspace.slug}/book
      </a>{' '}
      <span class="muted-inline">(each opens a new tab)</span>
    </p>
  );
}

interface MemberHomeProps {
  membership: MyWorkspace;
  user: User;
}

/** A manager's or staff member's home: their role, their permissions, where they can go. */
function MemberHome({ membership, user }: MemberHomeProps) {
  const members = useLoad((signal) => listMembers(membership.id, { signal }));
  const me = members.data?.members.find((m) => m.user_id === user.id);
  const base = `/workspaces/${membership.id}`;
  return (
    <section class="card" aria-labelledby="member-home-title" data-testid="member-home">
      <h2 id="member-home-title">Welcome, {user.full_name}</h2>
      <p>
        Your role here: <strong data-testid="workspace-role">{roleLabel(membership.role)}</strong>
      </p>
      {members.error && (
        <ErrorBanner error={members.error} onRetry={members.reload} retrying={members.loading} />
      )}
      {me && (
        <p data-testid="workspace-permissions">
          Your permissions: {describePermissions(me.permissions)}.
        </p>
      )}
      <h3>What you can open</h3>
      <ul class="plain-list">
        {me?.permissions.inbox && (
          <>
            <li>
              <Link href={`${base}/inbox`}>Inbox</Link>: read and answer customers' messages.
            </li>
            <li>
              <Link href={`${base}/contacts`}>Contacts</Link>: everyone who wrote in or was added.
            </li>
          </>
        )}
        {me?.permissions.bookings && (
          <li>
            <Link href={`${base}/calendar`}>Calendar</Link>: the bookings, by day, week or list.
          </li>
        )}
        <li>
          <Link href={`${base}/availability`}>Availability</Link>: your working hours.
        </li>
        <li>
          <Link href={`${base}/members`}>Members</Link>: who works at {membership.name}.
        </li>
      </ul>
      <p class="field__hint">
        Settings, services, channels, invitations and the audit log are for the owner.
      </p>
    </section>
  );
}
