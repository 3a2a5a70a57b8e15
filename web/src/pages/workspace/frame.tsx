// What every page of one workspace shares: the numeric `:id`, the signed-in user (signed-out
// visitors go to sign in), the heading, and clear words for the API's refusals: 404 (no
// such workspace, or not a member) and 403 (the role does not allow the page).

import type { FunctionComponent } from 'preact';
import type { ApiError } from '../../api/client';
import type { MyWorkspace, PermissionFlag, User, WorkspaceRole } from '../../api/types';
import type { PageProps } from '../../app';
import type { RouteParams } from '../../router';
import { ErrorBanner } from '../../components/error_banner';
import { Link } from '../../components/link';
import { useDocumentTitle } from '../../layout';
import { useRequiredUser, useSession } from '../../session';
import { kPermissionLabels, roleLabel } from '../../workspace_text';
import { useMembership } from '../../workspaces';
import { NotFoundPage } from '../not_found';

export interface WorkspaceBodyProps {
  id: number;
  /** The route's other ":name" segments, e.g. {conversation: "7"}. */
  params: RouteParams;
  /** The user's membership as GET /api/workspaces said; null while unknown or none. */
  membership: MyWorkspace | null;
  user: User;
}

interface WorkspacePageOptions {
  /** The page's heading; gets the workspace's name once known (null before). */
  title: (membership: MyWorkspace | null) => string;
  body: FunctionComponent<WorkspaceBodyProps>;
}

/** Builds the route page for a workspace page: "/workspaces/:id/…" with a numeric id. */
export function workspacePage({ title, body: Body }: WorkspacePageOptions) {
  function Frame({ id, params }: { id: number; params: RouteParams }) {
    const user = useRequiredUser();
    const session = useSession();
    const membership = useMembership(id);
    const heading = title(membership);
    useDocumentTitle(membership ? `${heading} · ${membership.name}` : heading);
    const showName = membership !== null && membership.name !== heading;
    return (
      <section class="page" aria-labelledby="workspace-page-title">
        <div class="page__head">
          <div class="page__titles">
            <h1 id="workspace-page-title">{heading}</h1>
            {showName && <p class="page__subtitle">{membership.name}</p>}
          </div>
        </div>
        {session.state.status === 'error' && (
          <ErrorBanner error={session.state.error} onRetry={() => void session.refresh()} />
        )}
        {user ? (
          <Body id={id} params={params} membership={membership} user={user} />
        ) : (
          session.state.status === 'loading' && <p class="muted">Loading…</p>
        )}
      </section>
    );
  }
  return function WorkspacePage({ params }: PageProps) {
    const raw = params['id'] ?? '';
    if (!/^\d{1,15}$/.test(raw)) return <NotFoundPage />;
    return <Frame id={Number(raw)} params={params} />;
  };
}

interface WorkspaceProblemProps {
  error: ApiError;
  id: number;
  /** What only the owner may do here, for a 403: "manage SMS and email". */
  ownerCan: string;
  /** The permission the page needs, when a member holding it may open it (not only owners). */
  permission?: PermissionFlag;
  role?: WorkspaceRole | undefined;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed load of a workspace page: 404 and 403 in plain words, anything else as a banner. */
export function WorkspaceProblem(props: WorkspaceProblemProps) {
  const { error, id, ownerCan, permission, role, onRetry, retrying = false } = props;
  if (error.status === 403 && permission) {
    return <PermissionMissing id={id} what={ownerCan} permission={permission} />;
  }
  if (error.status === 403) return <OwnerOnly id={id} what={ownerCan} role={role} />;
  if (error.status === 404) {
    return (
      <div class="notice notice--warn" role="alert" data-testid="workspace-missing">
        <p>
          <strong>This workspace does not exist, or you are not a member of it.</strong>
        </p>
        <p>
          If you were a member, the owner may have suspended or removed you: ask them.{' '}
          <Link href="/workspaces">See your workspaces</Link>
        </p>
      </div>
    );
  }
  return onRetry ? (
    <ErrorBanner error={error} onRetry={onRetry} retrying={retrying} />
  ) : (
    <ErrorBanner error={error} />
  );
}

interface OwnerOnlyProps {
  id: number;
  what: string;
  role?: WorkspaceRole | undefined;
}

/** Said instead of a page the user's role does not allow; shows nothing of the page itself. */
export function OwnerOnly({ id, what, role }: OwnerOnlyProps) {
  return (
    <div class="notice notice--warn" role="alert" data-testid="owner-only">
      <p>
        <strong>Only the owner of this workspace can {what}.</strong>
      </p>
      <p>
        {role && <>Your role here is {roleLabel(role)}. </>}
        If you need this, ask the owner.{' '}
        <Link href={`/workspaces/${id}`}>Back to the workspace home</Link>
      </p>
    </div>
  );
}

interface PermissionMissingProps {
  id: number;
  what: string;
  permission: PermissionFlag;
}

/** Said instead of a page that needs a permission flag the user does not hold. */
function PermissionMissing({ id, what, permission }: PermissionMissingProps) {
  return (
    <div class="notice notice--warn" role="alert" data-testid="permission-missing">
      <p>
        <strong>
          You need the {kPermissionLabels[permission]} permission to {what}.
        </strong>
      </p>
      <p>
        The owner of this workspace can give it to you on the Members page.{' '}
        <Link href={`/workspaces/${id}`}>Back to the workspace home</Link>
      </p>
    </div>
  );
}
