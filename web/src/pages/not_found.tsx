import { Link } from '../components/link';
import { useDocumentTitle } from '../layout';
import { currentPath } from '../router';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <section class="page" aria-labelledby="not-found-title" data-testid="not-found">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        There is no page at <code class="path">{currentPath()}</code>. The link may be old, or the
        address may have a typo.
      </p>
      <p>
        <Link href="/" class="button">
          Go to the home page
        </Link>
      </p>
    </section>
  );
}
