import type { FunctionComponent } from 'preact';
import { useEffect } from 'preact/hooks';
import { Link } from './components/link';
import { Layout } from './layout';
import { AccountPage } from './pages/account';
import { DevOutboxPage } from './pages/dev_outbox';
import { ForgotPasswordPage } from './pages/forgot_password';
import { LoginPage } from './pages/login';
import { NotFoundPage } from './pages/not_found';
import { RegisterPage } from './pages/register';
import { ResetPasswordPage } from './pages/reset_password';
import { StatusPage } from './pages/status';
import { navigate, usePath } from './router';
import { SessionProvider } from './session';

/** Path -> page. Paths not listed here render NotFoundPage. */
const kRoutes: Record<string, FunctionComponent> = {
  '/': HomeRedirect,
  '/status': StatusPage,
  '/register': RegisterPage,
  '/login': LoginPage,
  '/forgot-password': ForgotPasswordPage,
  '/reset-password': ResetPasswordPage,
  '/account': AccountPage,
  '/dev/outbox': DevOutboxPage,
};

export function App() {
  const path = usePath();
  const Page = kRoutes[path] ?? NotFoundPage;
  return (
    <SessionProvider>
      <Layout path={path}>
        <Page key={path} />
      </Layout>
    </SessionProvider>
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
