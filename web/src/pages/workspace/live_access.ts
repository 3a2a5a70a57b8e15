// Whether the workspace's event stream (GET …/events) can tell a page about its records for
// this member: the stream is readable with the inbox permission, and the page's own records
// need its permission (`forms`, `inventory`). Without it a page refreshes when the tab comes
// back instead (useRefreshOnFocus).

import type { PermissionFlag, Permissions } from '../../api/types';

export function canFollowEvents(permissions: Permissions | null, flag: PermissionFlag): boolean {
  return permissions?.inbox === true && permissions[flag] === true;
}
