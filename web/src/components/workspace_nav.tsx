// The header's workspace pieces: the switcher (every workspace of the user, and "New
// workspace") and the nav of the current workspace, which lists only the pages the user's
// role may open. Hiding a link is a courtesy; the server refuses the route anyway.

import { useEffect, useRef } from 'preact/hooks';
import { currentPath } from '../router';
import { roleLabel } from '../workspace_text';
import { landingPath, useMyPermissions, useWorkspaces } from '../workspaces';
import { Link } from './link';

/** A <details> menu: opens on click or Enter, closes on navigation, Escape or a click outside. */
export function WorkspaceSwitcher({ path }: { path: string }) {
  const { state, current, reload } = useWorkspaces();
  const menu = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [path]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const details = menu.current;
      if (event.key !== 'Escape' || !details?.open) return;
      details.open = false;
      details.querySelector('summary')?.focus();
    };
    const onClick = (event: MouseEvent) => {
      const details = menu.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, []);

  if (state.status === 'idle') return null;
  const workspaces = state.status === 'ready' ? state.workspaces : [];
  let name = current?.name ?? 'None yet';
  if (state.status === 'loading') name = 'Loading…';
  return (
    <details class="switcher" ref={menu} data-testid="workspace-switcher">
      <summary class="switcher__summary">
        <span class="switcher__label">Workspace</span>{' '}
        <span class="switcher__name" data-testid="current-workspace">
          {name}
        </span>
      </summary>
      <div class="switcher__menu">
        {state.status === 'error' && (
          <p class="switcher__error">
            Could not load your workspaces.{' '}
            <button type="button" class="link-button" onClick={() => void reload()}>
              Retry
            </button>
          </p>
        )}
        <ul class="switcher__list">
          {workspaces.map((workspace) => (
            <li key={workspace.id}>
              <Link href={landingPath(workspace)} current={workspace.id === current?.id}>
                <span class="switcher__item-name">{workspace.name}</span>{' '}
                <span class="fact-note">{roleLabel(workspace.role)}</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href="/workspaces#new">New workspace</Link>
          </li>
        </ul>
      </div>
    </details>
  );
}

/**
 * Links of the current workspace: Dashboard, Home, Availability and Members for everyone,
 * Calendar with the bookings permission, Inbox and Contacts with the inbox permission, Forms
 * and Inventory with theirs, the rest for owners.
 */
export function WorkspaceNav() {
  const { current } = useWorkspaces();
  const permissions = useMyPermissions(current);
  if (!current) return null;
  const base = `/workspaces/${current.id}`;
  const owner = current.role === 'owner';
  return (
    <nav aria-label="Workspace" class="workspace-nav">
      <ul class="nav workspace-nav__list">
        <li>
          <Link href={`${base}/dashboard`}>Dashboard</Link>
        </li>
        <li>
          <Link href={base}>Home</Link>
        </li>
        {permissions?.bookings && (
          <li>
            <Link href={`${base}/calendar`} current={isUnder(`${base}/bookings`)}>
              Calendar
            </Link>
          </li>
        )}
        {permissions?.inbox && (
          <>
            <li>
              <Link href={`${base}/inbox`} current={isUnder(`${base}/inbox`)}>
                Inbox
              </Link>
            </li>
            <li>
              <Link href={`${base}/contacts`}>Contacts</Link>
            </li>
          </>
        )}
        {permissions?.forms && (
          <li>
            <Link href={`${base}/forms`} current={isUnder(`${base}/forms`)}>
              Forms
            </Link>
          </li>
        )}
        {permissions?.inventory && (
          <li>
            <Link href={`${base}/inventory`} current={isUnder(`${base}/inventory`)}>
              Inventory
            </Link>
          </li>
        )}
        <li>
          <Link href={`${base}/availability`}>Availability</Link>
        </li>
        <li>
          <Link href={`${base}/members`}>Members</Link>
        </li>
        {owner && (
          <>
            <li>
              <Link href={`${base}/services`}>Services</Link>
            </li>
            <li>
              <Link href={`${base}/settings`}>Settings</Link>
            </li>
            <li>
              <Link href={`${base}/channels`}>Channels</Link>
            </li>
            <li>
              <Link href={`${base}/automation`}>Automation</Link>
            </li>
            <li>
              <Link href={`${base}/audit`}>Audit log</Link>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

/** True on `path` and the pages below it (the inbox's conversations). */
function isUnder(path: string): boolean {
  return currentPath().startsWith(`${path}/`);
}
