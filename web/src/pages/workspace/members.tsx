import { listInvitations } from '../../api/invitations';
import { listMembers } from '../../api/workspaces';
import { ErrorBanner } from '../../components/error_banner';
import { useLoad } from '../../hooks';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';
import { InvitationList } from './invitation_list';
import { InviteForm } from './invite_form';
import { ManagedMember, MemberRow } from './member_row';

/** Everyone sees who is in the workspace; owners also manage members and invitations. */
export const MembersPage = workspacePage({ title: () => 'Members', body: MembersBody });

function MembersBody({ id, membership, user }: WorkspaceBodyProps) {
  const members = useLoad((signal) => listMembers(id, { signal }));
  const owner = membership?.role === 'owner';
  if (members.error && !members.data) {
    return (
      <WorkspaceProblem
        error={members.error}
        id={id}
        ownerCan="see its members"
        role={membership?.role}
        onRetry={members.reload}
        retrying={members.loading}
      />
    );
  }
  const list = members.data?.members ?? [];
  return (
    <div class="sections">
      <section class="card" aria-labelledby="members-title" aria-busy={members.loading}>
        <h2 id="members-title">People{members.data && ` (${list.length})`}</h2>
        {members.error && (
          <ErrorBanner error={members.error} onRetry={members.reload} retrying={members.loading} />
        )}
        {!members.data && <p class="muted">Loading members…</p>}
        <ul class="rows" data-testid="members">
          {list.map((member) =>
            owner ? (
              <ManagedMember
                key={member.user_id}
                workspaceId={id}
                member={member}
                isMe={member.user_id === user.id}
                onChanged={members.reload}
              />
            ) : (
              <MemberRow key={member.user_id} member={member} isMe={member.user_id === user.id} />
            ),
          )}
        </ul>
        {!owner && membership && (
          <p class="field__hint">Only the owner can invite people or change roles.</p>
        )}
      </section>
      {owner && membership && <Invitations id={id} region={membership.default_region} />}
    </div>
  );
}

/** The owner's invite form and the invitations sent so far (the list follows new ones). */
function Invitations({ id, region }: { id: number; region: string }) {
  const invitations = useLoad((signal) => listInvitations(id, { signal }));
  return (
    <>
      <section class="card" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <InviteForm workspaceId={id} region={region} onInvited={invitations.reload} />
      </section>
      <InvitationList workspaceId={id} invitations={invitations} />
    </>
  );
}
