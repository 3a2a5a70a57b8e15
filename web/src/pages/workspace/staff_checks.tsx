// Which members serve a service: a checkbox per active member.

import type { Member } from '../../api/types';
import { roleLabel } from '../../workspace_text';

interface StaffChecksProps {
  members: readonly Member[];
  value: number[];
  onValue: (ids: number[]) => void;
  error: string | null;
}

export function StaffChecks({ members, value, onValue, error }: StaffChecksProps) {
  const active = members.filter((m) => m.status === 'active');
  const toggle = (id: number, on: boolean) =>
    onValue(on ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));
  return (
    <fieldset class="checks" data-testid="service-staff">
      <legend class="field__label">Who serves it</legend>
      <p class="field__hint">
        Customers can book the free times of these members (their hours are set on the Availability
        page).
      </p>
      {active.map((member) => (
        <label class="check" key={member.user_id}>
          <input
            type="checkbox"
            name="member_ids"
            checked={value.includes(member.user_id)}
            onChange={(event) => toggle(member.user_id, event.currentTarget.checked)}
          />
          {member.full_name}
          <span class="muted-inline">&nbsp;({roleLabel(member.role)})</span>
        </label>
      ))}
      {error && (
        <p class="field__error" data-testid="error-member_ids">
          {error}
        </p>
      )}
    </fieldset>
  );
}
