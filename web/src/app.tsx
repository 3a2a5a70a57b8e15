import type { FunctionComponent } from 'preact';
import { useEffect } from 'preact/hooks';
import { Link } from './components/link';
import { Layout } from './layout';
import { NotFoundPage } from './pages/not_found';
import { StatusPage } from './pages/status';
import { navigate, usePath } from './router';

/** Path -> page. Paths not listed here render NotFoundPage. */
const kRoutes: Record<string, FunctionComponent> = {
  '/': HomeRedirect,
  '/status': StatusPage,
};

export function App() {
  const path = usePath();
  const Page = kRoutes[path] ?? NotFoundPage;
  return (
    <Layout path={path}>
      <Page />
    </Layout>
  );
}

/** "/" has no page of its own yet; it forwards to the status page without a history entry. */
function HomeRedirect() {
  useEffect(() => {
    navigate('/status', { replace: true });
  }, []);
  return (
    <p>
      <Link href="/status">Go to the status page</Link>
    </p>
  );
}
