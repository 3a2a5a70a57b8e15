// Whether the workspace's event stream (GET …/events) tells this member about a page's records:
// every member may open it, and it carries only the events their permissions cover (docs/API.md:
// `form_request` with forms, `inventory` with inventory; an owner all). Without the permission a
// page refreshes when the tab comes back instead (useRefreshOnFocus).

import type { PermissionFlag, Permissions } from '../../api/types';

export function canFollowEvents(permissions: Permissions | null, flag: PermissionFlag): boolean {
  return permissions?.[flag] === true;
}
