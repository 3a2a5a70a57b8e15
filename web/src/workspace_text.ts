// Words and rules shared by the workspace pages, so every page says the same thing.

import type { Permissions, PermissionFlag, WorkspaceRole } from './api/types';

export const kRoles: readonly WorkspaceRole[] = ['staff', 'manager', 'owner'];

export const kRoleLabels: Record<WorkspaceRole, string> = {
  owner: 'Owner',
  manager: 'Manager',
  staff: 'Staff',
};

export const kRoleHints: Record<WorkspaceRole, string> = {
  owner: 'Everything, including settings, channels, staff and the audit log.',
  manager: 'Day-to-day work in every area the permissions below allow; no settings.',
  staff: 'The work the permissions below allow; no settings.',
};

export const kPermissionFlags: readonly PermissionFlag[] = [
  'inbox',
  'bookings',
  'forms',
  'inventory',
];

export const kPermissionLabels: Record<PermissionFlag, string> = {
  inbox: 'Inbox',
  bookings: 'Bookings',
  forms: 'Forms',
  inventory: 'Inventory',
};

/** The flags a role gets when none are given (docs/API.md, member PATCH). */
export function defaultPermissions(role: WorkspaceRole): Permissions {
  const all = role !== 'staff';
  return { inbox: true, bookings: true, forms: all, inventory: all };
}

/** "Inbox, Bookings", or "none". */
export function describePermissions(permissions: Permissions): string {
  const held = kPermissionFlags
    .filter((flag) => permissions[flag])
    .map((f) => kPermissionLabels[f]);
  return held.length ? held.join(', ') : 'none';
}

/** The role label for a role string a newer server may have added. */
export function roleLabel(role: string): string {
  return (kRoleLabels as Record<string, string>)[role] ?? role;
}
