import { workspaceAudit } from '../../api/workspaces';
import { AuditEventRow } from '../../components/audit_event_row';
import { ListCard } from '../../components/list_card';
import { LoadMore } from '../../components/load_more';
import { useLoad, useMorePages } from '../../hooks';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';

const kPageSize = 50;

const kLabels: Record<string, string> = {
  role_changed: 'Role changed',
  member_suspended: 'Member suspended',
  member_reactivated: 'Member reactivated',
  member_removed: 'Member removed',
  member_invited: 'Invitation sent',
  invitation_accepted: 'Invitation accepted',
  channel_changed: 'Channel settings changed',
  channel_tested: 'Test message sent',
  workspace_updated: 'Details changed',
  workspace_activated: 'Workspace activated',
  login_ok: 'Signed in',
  login_failed: 'Failed sign-in attempt',
};

/** The workspace's audit trail (owner only), newest first, older pages on request. */
export const AuditPage = workspacePage({ title: () => 'Audit log', body: AuditBody });

function AuditBody({ id, membership }: WorkspaceBodyProps) {
  const first = useLoad((signal) => workspaceAudit(id, { limit: kPageSize }, { signal }));
  // Older pages, appended below the first; cleared when the first page is loaded again.
  const older = useMorePages(first.data?.next_before, async (before: number) => {
    const page = await workspaceAudit(id, { before, limit: kPageSize });
    return { items: page.events, next: page.next_before };
  });
  const refresh = () => {
    older.reset();
    first.reload();
  };

  if (first.error && !first.data) {
    return (
      <WorkspaceProblem
        error={first.error}
        id={id}
        ownerCan="read its audit log"
        role={membership?.role}
        onRetry={first.reload}
        retrying={first.loading}
      />
    );
  }
  const events = [...(first.data?.events ?? []), ...older.items];
  return (
    <ListCard
      titleId="audit-title"
      title="What happened"
      load={{ ...first, reload: refresh }}
      intro={
        <p class="field__hint">
          Changes to members, invitations, channels and details, and your members' sign-ins. Newest
          first.
        </p>
      }
      note={!first.data ? 'Loading events…' : events.length === 0 ? 'Nothing yet.' : null}
      testId="workspace-audit"
      footer={<LoadMore pages={older} label="Load older events" />}
    >
      {events.map((event) => (
        <AuditEventRow key={event.id} event={event} labels={kLabels} />
      ))}
    </ListCard>
  );
}
