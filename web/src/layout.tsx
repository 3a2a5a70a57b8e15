import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ErrorBanner } from './components/error_banner';
import { Link } from './components/link';
import { WorkspaceNav, WorkspaceSwitcher } from './components/workspace_nav';
import { useAction } from './hooks';
import { navigate } from './router';
import { useSession } from './session';

interface LayoutProps {
  /** The current path; a change moves keyboard and screen-reader focus to the main area. */
  path: string;
  /** A customer-facing page (a business's public page): the header shows no app navigation. */
  bare?: boolean;
  children: ComponentChildren;
}

/**
 * Page frame: skip link, header with the product name, the workspace switcher, nav and
 * account links, the current workspace's nav, and the main area.
 */
export function Layout({ path, bare = false, children }: LayoutProps) {
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);
  const session = useSession();
  const signOut = useAction(async () => {
    await session.signOut();
    session.setNotice('You are signed out.');
    navigate('/login');
  });

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="site-header__inner">
          <Link href="/" class="brand">
            CareOps
          </Link>
          {!bare && <WorkspaceSwitcher path={path} />}
          {!bare && (
            <nav aria-label="Main" class="main-nav">
              <ul class="nav">
                <li>
                  <Link href="/status">Status</Link>
                </li>
                <AccountLinks onSignOut={() => void signOut.run()} signingOut={signOut.busy} />
              </ul>
            </nav>
          )}
        </div>
        {!bare && <WorkspaceNav />}
      </header>
      <main id="main" class="main" tabIndex={-1} ref={main}>
        {signOut.error && <ErrorBanner error={signOut.error} onRetry={() => void signOut.run()} />}
        {children}
      </main>
    </>
  );
}

interface AccountLinksProps {
  onSignOut: () => void;
  signingOut: boolean;
}

/** Signed out: "Sign in", "Create account". Signed in: the name, "Account", "Sign out". */
function AccountLinks({ onSignOut, signingOut }: AccountLinksProps) {
  const { state } = useSession();
  if (state.status === 'loading') return null;
  if (state.status !== 'signed_in') {
    return (
      <>
        <li>
          <Link href="/login">Sign in</Link>
        </li>
        <li>
          <Link href="/register">Create account</Link>
        </li>
      </>
    );
  }
  return (
    <>
      <li class="nav__user" data-testid="nav-user" title={state.user.full_name}>
        {state.user.full_name}
      </li>
      <li>
        <Link href="/account">Account</Link>
      </li>
      <li>
        <button
          type="button"
          class="link-button nav__button"
          onClick={onSignOut}
          disabled={signingOut}
        >
          Sign out
        </button>
      </li>
    </>
  );
}

/** Sets the browser tab title to "<page> · CareOps" while the calling page is shown. */
export function useDocumentTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} · CareOps`;
  }, [page]);
}
