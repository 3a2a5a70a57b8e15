import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Link } from './components/link';

interface LayoutProps {
  /** The current path; a change moves keyboard and screen-reader focus to the main area. */
  path: string;
  children: ComponentChildren;
}

/** Page frame: skip link, header with the product name and nav, main area. */
export function Layout({ path, children }: LayoutProps) {
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);

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
          <nav aria-label="Main">
            <ul class="nav">
              <li>
                <Link href="/status">Status</Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" class="main" tabIndex={-1} ref={main}>
        {children}
      </main>
    </>
  );
}

/** Sets the browser tab title to "<page> · CareOps" while the calling page is shown. */
export function useDocumentTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} · CareOps`;
  }, [page]);
}
