import { useState } from 'preact/hooks';
import { createInvitation } from '../../api/invitations';
import type { Invitation, MessageChannel, Permissions, WorkspaceRole } from '../../api/types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ChoiceField } from '../../components/choice_field';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, errorForField } from '../../components/field';
import { Notice } from '../../components/notice';
import { PermissionChecks } from '../../components/permission_checks';
import { SelectField } from '../../components/select_field';
import { useAction } from '../../hooks';
import { defaultPermissions, kRoleHints, kRoleLabels, kRoles } from '../../workspace_text';

const kFields = [
  'email',
  'phone',
  'role',
  'permissions',
  'inbox',
  'bookings',
  'forms',
  'inventory',
];

interface InviteFormProps {
  workspaceId: number;
  /** The workspace's default region: how a phone number without +country is read. */
  region: string;
  onInvited: () => void;
}

/** Sends a single-use link by SMS or email, offering a role and permission flags. */
export function InviteForm({ workspaceId, region, onInvited }: InviteFormProps) {
  const [by, setBy] = useState<MessageChannel>('sms');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('staff');
  const [permissions, setPermissions] = useState<Permissions>(() => defaultPermissions('staff'));
  const [sent, setSent] = useState<Invitation | null>(null);

  const invite = useAction(async () => {
    setSent(null);
    const recipient = by === 'sms' ? { phone: phone.trim() } : { email: email.trim() };
    const invitation = await createInvitation(workspaceId, {
      ...recipient,
      role,
      ...(role === 'owner' ? {} : { permissions }),
    });
    setSent(invitation);
    setPhone('');
    setEmail('');
    onInvited();
  });
  const onRole = (next: WorkspaceRole) => {
    setRole(next);
    setPermissions(defaultPermissions(next));
  };

  const error = invite.error;
  const recipientField = by === 'sms' ? 'phone' : 'email';
  const alreadyMember =
    error?.status === 409 ? 'This person is already a member of the workspace.' : null;
  const bannerError = alreadyMember ? null : errorForBanner(error, kFields);
  return (
    <ActionForm onSubmit={invite.run}>
      {sent && (
        <Notice>
          Invitation sent to {sent.recipient} by {sent.channel === 'sms' ? 'SMS' : 'email'}. The
          link works for 7 days, once.
        </Notice>
      )}
      {bannerError && <ErrorBanner error={bannerError} />}
      <ChoiceField
        legend="Send the invitation by"
        value={by}
        onValue={setBy}
        choices={[
          { value: 'sms', label: 'Text message (SMS)' },
          { value: 'email', label: 'Email' },
        ]}
      />
      {by === 'sms' ? (
        <Field
          label="Their mobile number"
          name="phone"
          type="tel"
          inputMode="tel"
          autocomplete="off"
          value={phone}
          onValue={setPhone}
          required
          hint={`Numbers without + and a country code are read as ${region} numbers.`}
          error={(recipientField === 'phone' && alreadyMember) || errorForField(error, 'phone')}
        />
      ) : (
        <Field
          label="Their email address"
          name="email"
          type="email"
          inputMode="email"
          autocomplete="off"
          value={email}
          onValue={setEmail}
          required
          error={(recipientField === 'email' && alreadyMember) || errorForField(error, 'email')}
        />
      )}
      <SelectField
        label="Role"
        name="role"
        value={role}
        options={kRoles.map((value) => ({ value, label: kRoleLabels[value] }))}
        onValue={onRole}
        hint={kRoleHints[role]}
        error={errorForField(error, 'role')}
      />
      <PermissionChecks value={permissions} onValue={setPermissions} locked={role === 'owner'} />
      <SubmitActions busy={invite.busy} busyLabel="Sending…" label="Send invitation" />
    </ActionForm>
  );
}
