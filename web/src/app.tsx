import type { FunctionComponent } from 'preact';
import { useEffect } from 'preact/hooks';
import { Link } from './components/link';
import { Layout } from './layout';
import { AccountPage } from './pages/account';
import { DevOutboxPage } from './pages/dev_outbox';
import { ForgotPasswordPage } from './pages/forgot_password';
import { BookingPage } from './pages/booking/book';
import { ManageBookingPage } from './pages/booking/manage';
import { ContactFormPage } from './pages/contact_form';
import { FillFormPage } from './pages/form/fill_form';
import { InvitePage } from './pages/invite';
import { LoginPage } from './pages/login';
import { NotFoundPage } from './pages/not_found';
import { PublicWorkspacePage } from './pages/public_workspace';
import { RegisterPage } from './pages/register';
import { ResetPasswordPage } from './pages/reset_password';
import { StatusPage } from './pages/status';
import { AuditPage } from './pages/workspace/audit';
import { AutomationPage } from './pages/workspace/automation';
import { AvailabilityPage } from './pages/workspace/availability';
import { BookingDetailPage } from './pages/workspace/booking_detail';
import { CalendarPage } from './pages/workspace/calendar';
import { ChannelsPage } from './pages/workspace/channels';
import { ContactsPage } from './pages/workspace/contacts';
import { DashboardPage } from './pages/workspace/dashboard';
import { FormBuilderPage } from './pages/workspace/form_builder';
import { FormRequestsPage } from './pages/workspace/form_requests';
import { FormsPage } from './pages/workspace/forms';
import { WorkspaceHomePage } from './pages/workspace/home';
import { InboxPage } from './pages/workspace/inbox';
import { InventoryPage } from './pages/workspace/inventory';
import { InventoryItemPage } from './pages/workspace/inventory_item';
import { MembersPage } from './pages/workspace/members';
import { ServicesPage } from './pages/workspace/services';
import { SettingsPage } from './pages/workspace/settings';
import { WorkspacesPage } from './pages/workspaces';
import { type RouteParams, matchPath, navigate, usePath } from './router';
import { SessionProvider, useSession } from './session';
import { WorkspacesProvider, landingPath, useWorkspaces } from './workspaces';

/** What every page receives: the values of its pattern's ":name" segments. */
export interface PageProps {
  params: RouteParams;
}

interface Route {
  /** A path, or a pattern with ":name" segments (see matchPath). */
  pattern: string;
  page: FunctionComponent<PageProps>;
  /** A customer-facing page: no app navigation in the header. */
  bare?: boolean;
  /**
   * Keeps the page mounted while the path changes within the same key (by default every path
   * mounts its page afresh): the inbox keeps its list and live updates as threads are opened.
   */
  mountKey?: (params: RouteParams) => string;
}

const inboxKey = (params: RouteParams) => `inbox:${params['id'] ?? ''}`;

/** Pattern -> page, first match wins. Paths matching none render NotFoundPage. */
const kRoutes: readonly Route[] = [
  { pattern: '/', page: HomeRedirect },
  { pattern: '/status', page: StatusPage },
  { pattern: '/register', page: RegisterPage },
  { pattern: '/login', page: LoginPage },
  { pattern: '/forgot-password', page: ForgotPasswordPage },
  { pattern: '/reset-password', page: ResetPasswordPage },
  { pattern: '/account', page: AccountPage },
  { pattern: '/dev/outbox', page: DevOutboxPage },
  { pattern: '/workspaces', page: WorkspacesPage },
  { pattern: '/workspaces/:id', page: WorkspaceHomePage },
  { pattern: '/workspaces/:id/dashboard', page: DashboardPage },
  { pattern: '/workspaces/:id/automation', page: AutomationPage },
  { pattern: '/workspaces/:id/settings', page: SettingsPage },
  { pattern: '/workspaces/:id/channels', page: ChannelsPage },
  { pattern: '/workspaces/:id/members', page: MembersPage },
  { pattern: '/workspaces/:id/audit', page: AuditPage },
  { pattern: '/workspaces/:id/inbox', page: InboxPage, mountKey: inboxKey },
  { pattern: '/workspaces/:id/inbox/:conversation', page: InboxPage, mountKey: inboxKey },
  { pattern: '/workspaces/:id/contacts', page: ContactsPage },
  { pattern: '/workspaces/:id/services', page: ServicesPage },
  { pattern: '/workspaces/:id/availability', page: AvailabilityPage },
  { pattern: '/workspaces/:id/calendar', page: CalendarPage },
  { pattern: '/workspaces/:id/bookings/:booking', page: BookingDetailPage },
  { pattern: '/workspaces/:id/forms', page: FormsPage },
  // The literal paths before '/forms/:form', which would take them as a form id.
  { pattern: '/workspaces/:id/forms/requests', page: FormRequestsPage },
  { pattern: '/workspaces/:id/forms/new', page: FormBuilderPage },
  { pattern: '/workspaces/:id/forms/:form', page: FormBuilderPage },
  { pattern: '/workspaces/:id/inventory', page: InventoryPage },
  { pattern: '/workspaces/:id/inventory/:item', page: InventoryItemPage },
  { pattern: '/invite', page: InvitePage },
  { pattern: '/w/:slug', page: PublicWorkspacePage, bare: true },
  { pattern: '/w/:slug/contact', page: ContactFormPage, bare: true },
  { pattern: '/w/:slug/book', page: BookingPage, bare: true },
  { pattern: '/b', page: ManageBookingPage, bare: true },
  { pattern: '/f', page: FillFormPage, bare: true },
];

function resolve(path: string): { route: Route | null; params: RouteParams } {
  for (const route of kRoutes) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return { route: null, params: {} };
}

export function App() {
  const path = usePath();
  const { route, params } = resolve(path);
  const Page = route?.page ?? NotFoundPage;
  return (
    <SessionProvider>
      <WorkspacesProvider path={path}>
        <Layout path={path} bare={route?.bare ?? false}>
          <Page key={route?.mountKey?.(params) ?? path} params={params} />
        </Layout>
      </WorkspacesProvider>
    </SessionProvider>
  );
}

/**
 * "/" has no page of its own: signed in, it forwards to the current workspace (its dashboard
 * once it is open; or to the workspaces page to create one); signed out, to the status page.
 * No history entry.
 */
function HomeRedirect() {
  const { state: session } = useSession();
  const { state: workspaces, current } = useWorkspaces();
  let to: string | null = null;
  if (session.status === 'signed_out' || session.status === 'error') to = '/status';
  else if (current) to = landingPath(current);
  else if (workspaces.status === 'ready' || workspaces.status === 'error') to = '/workspaces';
  useEffect(() => {
    if (to) navigate(to, { replace: true });
  }, [to]);
  return (
    <p>
      <Link href={to ?? '/status'}>Continue</Link>
    </p>
  );
}
