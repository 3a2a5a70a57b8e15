import type { Permissions } from '../api/types';
import { kPermissionFlags, kPermissionLabels } from '../workspace_text';

interface PermissionChecksProps {
  value: Permissions;
  onValue: (value: Permissions) => void;
  /** Owners hold every flag: shown checked and not editable. */
  locked?: boolean;
}

/** The four permission flags (inbox, bookings, forms, inventory) as checkboxes. */
export function PermissionChecks({ value, onValue, locked = false }: PermissionChecksProps) {
  return (
    <fieldset class="checks">
      <legend class="field__label">Permissions</legend>
      {locked && <p class="field__hint">Owners can do everything.</p>}
      {kPermissionFlags.map((flag) => (
        <label class="check" key={flag}>
          <input
            type="checkbox"
            name={flag}
            checked={locked || value[flag]}
            disabled={locked}
            onChange={(event) => onValue({ ...value, [flag]: event.currentTarget.checked })}
          />
          {kPermissionLabels[flag]}
        </label>
      ))}
    </fieldset>
  );
}
