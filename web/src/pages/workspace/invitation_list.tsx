import { revokeInvitation } from '../../api/invitations';
import type { Invitation, InvitationStatus, InvitationsResponse } from '../../api/types';
import { ConfirmButton } from '../../components/confirm_button';
import { ErrorBanner } from '../../components/error_banner';
import { ListCard } from '../../components/list_card';
import { formatDateTime } from '../../format';
import { type Loaded, useAction } from '../../hooks';
import { roleLabel } from '../../workspace_text';

const kStatus: Record<InvitationStatus, { label: string; badge: string }> = {
  pending: { label: 'Pending', badge: 'badge' },
  accepted: { label: 'Accepted', badge: 'badge badge--ok' },
  expired: { label: 'Expired', badge: 'badge' },
  revoked: { label: 'Revoked', badge: 'badge badge--bad' },
};

interface InvitationListProps {
  workspaceId: number;
  invitations: Loaded<InvitationsResponse>;
}

/** Invitations sent, newest first, with their state; pending ones can be revoked. */
export function InvitationList({ workspaceId, invitations }: InvitationListProps) {
  const list = invitations.data?.invitations ?? [];
  return (
    <ListCard
      titleId="invitations-title"
      title="Invitations"
      load={invitations}
      note={invitations.data && list.length === 0 ? 'No invitations sent yet.' : null}
      testId="invitations"
    >
      {list.map((invitation) => (
        <InvitationRow
          key={invitation.id}
          workspaceId={workspaceId}
          invitation={invitation}
          onRevoked={invitations.reload}
        />
      ))}
    </ListCard>
  );
}

interface InvitationRowProps {
  workspaceId: number;
  invitation: Invitation;
  onRevoked: () => void;
}

function InvitationRow({ workspaceId, invitation, onRevoked }: InvitationRowProps) {
  const revoke = useAction(async () => {
    await revokeInvitation(workspaceId, invitation.id);
    onRevoked();
  });
  const status = (kStatus as Record<string, { label: string; badge: string }>)[
    invitation.status
  ] ?? {
    label: invitation.status,
    badge: 'badge',
  };
  return (
    <li class="rows__item" data-testid="invitation" data-status={invitation.status}>
      <div class="rows__main">
        <strong>{invitation.recipient}</strong>{' '}
        <span class="badge">{roleLabel(invitation.role)}</span>{' '}
        <span class={status.badge} data-testid="invitation-status">
          {status.label}
        </span>
        <span class="fact-note">
          By {invitation.channel === 'sms' ? 'SMS' : 'email'}
          {invitation.invited_by && <> from {invitation.invited_by.full_name}</>} on{' '}
          {formatDateTime(invitation.created_at)}
          {invitation.status === 'pending' && (
            <> · works until {formatDateTime(invitation.expires_at)}</>
          )}
          {invitation.accepted_at !== null && (
            <> · accepted {formatDateTime(invitation.accepted_at)}</>
          )}
        </span>
      </div>
      {invitation.status === 'pending' && (
        <div class="rows__actions">
          <ConfirmButton
            label="Revoke"
            question={`Revoke the invitation to ${invitation.recipient}? The link stops working.`}
            confirmLabel="Yes, revoke"
            busy={revoke.busy}
            busyLabel="Revoking…"
            onConfirm={revoke.run}
          />
        </div>
      )}
      {revoke.error && (
        <div class="rows__full">
          <ErrorBanner
            error={revoke.error}
            explanation={
              revoke.error.status === 409
                ? {
                    title: 'This invitation is no longer pending',
                    advice: 'Refresh the list to see what happened to it.',
                  }
                : undefined
            }
          />
        </div>
      )}
    </li>
  );
}
