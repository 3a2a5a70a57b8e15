import { useState } from 'preact/hooks';
import type { ApiError } from '../../api/client';
import type { Member, Permissions, WorkspaceRole } from '../../api/types';
import { removeMember, updateMember } from '../../api/workspaces';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ConfirmButton } from '../../components/confirm_button';
import { ErrorBanner } from '../../components/error_banner';
import { PermissionChecks } from '../../components/permission_checks';
import { SelectField } from '../../components/select_field';
import { useAction } from '../../hooks';
import {
  defaultPermissions,
  describePermissions,
  kRoleHints,
  kRoleLabels,
  kRoles,
  roleLabel,
} from '../../workspace_text';

/** A member as everyone sees them. */
export function MemberRow({ member, isMe }: { member: Member; isMe: boolean }) {
  return (
    <li class="rows__item" data-testid="member">
      <MemberSummary member={member} isMe={isMe} />
    </li>
  );
}

function MemberSummary({ member, isMe }: { member: Member; isMe: boolean }) {
  return (
    <div class="rows__main">
      <strong data-testid="member-name">{member.full_name}</strong>
      {isMe && <span class="muted-inline"> (you)</span>}{' '}
      <span class="badge" data-testid="member-role">
        {roleLabel(member.role)}
      </span>{' '}
      {member.status === 'suspended' && <span class="badge badge--bad">Suspended</span>}
      <span class="fact-note">
        {member.email} · Permissions: {describePermissions(member.permissions)}
      </span>
    </div>
  );
}

const kNeedsOwner = {
  title: 'The workspace needs an owner',
  advice: 'Make another member owner first, then try again.',
};

interface ManagedMemberProps {
  workspaceId: number;
  member: Member;
  isMe: boolean;
  /** After any change: the list is asked for again. */
  onChanged: () => void;
}

/** A member as the owner sees them: change role and permissions, suspend, remove. */
export function ManagedMember({ workspaceId, member, isMe, onChanged }: ManagedMemberProps) {
  const [editing, setEditing] = useState(false);
  const suspended = member.status === 'suspended';
  const toggle = useAction(async () => {
    await updateMember(workspaceId, member.user_id, { status: suspended ? 'active' : 'suspended' });
    onChanged();
  });
  const remove = useAction(async () => {
    await removeMember(workspaceId, member.user_id);
    onChanged();
  });
  const error = toggle.error ?? remove.error;
  return (
    <li class="rows__item" data-testid="member">
      <MemberSummary member={member} isMe={isMe} />
      <div class="rows__actions">
        <button
          type="button"
          class="button button--secondary"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {editing ? 'Close' : 'Change role'}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void toggle.run()}
          disabled={toggle.busy}
        >
          {toggle.busy ? 'Saving…' : suspended ? 'Reactivate' : 'Suspend'}
        </button>
        <ConfirmButton
          label="Remove"
          question={
            isMe
              ? 'Remove yourself? You lose access to this workspace at once.'
              : `Remove ${member.full_name}? They lose access at once; invite them again to undo.`
          }
          confirmLabel="Yes, remove"
          busy={remove.busy}
          busyLabel="Removing…"
          onConfirm={remove.run}
        />
      </div>
      {error && <RowError error={error} />}
      {editing && (
        <MemberEditor
          workspaceId={workspaceId}
          member={member}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
    </li>
  );
}

function RowError({ error }: { error: ApiError }) {
  return (
    <div class="rows__full">
      <ErrorBanner error={error} explanation={error.status === 409 ? kNeedsOwner : undefined} />
    </div>
  );
}

interface MemberEditorProps {
  workspaceId: number;
  member: Member;
  onSaved: () => void;
}

/** Role and permission flags; picking a role sets its default flags, which can then be changed. */
function MemberEditor({ workspaceId, member, onSaved }: MemberEditorProps) {
  const [role, setRole] = useState<WorkspaceRole>(member.role);
  const [permissions, setPermissions] = useState<Permissions>(member.permissions);
  const save = useAction(async () => {
    await updateMember(workspaceId, member.user_id, {
      role,
      ...(role === 'owner' ? {} : { permissions }),
    });
    onSaved();
  });
  const onRole = (next: WorkspaceRole) => {
    setRole(next);
    setPermissions(defaultPermissions(next));
  };
  return (
    <div class="rows__full member-editor">
      <ActionForm onSubmit={save.run}>
        {save.error && (
          <ErrorBanner
            error={save.error}
            explanation={save.error.status === 409 ? kNeedsOwner : undefined}
          />
        )}
        <SelectField
          label={`Role of ${member.full_name}`}
          name="role"
          value={role}
          options={kRoles.map((value) => ({ value, label: kRoleLabels[value] }))}
          onValue={onRole}
          hint={kRoleHints[role]}
        />
        <PermissionChecks value={permissions} onValue={setPermissions} locked={role === 'owner'} />
        <SubmitActions busy={save.busy} busyLabel="Saving…" label="Save role" />
      </ActionForm>
    </div>
  );
}
