import { lazy, Suspense, type ReactNode } from 'react';
import { Layout } from './components/layout.js';
import { normalizeTicketCode } from './format.js';
import { Loading } from './components/loading.js';
import { HomePage } from './pages/home-page.js';
import { AccessibilityPage } from './pages/info/accessibility-page.js';
import { ImprintPage } from './pages/info/imprint-page.js';
import { PrivacyPage } from './pages/info/privacy-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { CasePage } from './pages/forms/case-page.js';
import { ServicesPage } from './pages/forms/services-page.js';
import { PortalEntryPage } from './pages/parking-ticket/entry-page.js';
import { TicketPage } from './pages/parking-ticket/ticket-page.js';
import { matchPath, useLocation } from './router.js';

// Pages with forms pull in rjsf and ajv; loading them on demand keeps the citizen's first page small.
const RecordPage = lazy(() => import('./pages/parking-ticket/staff/record-page.js').then((m) => ({ default: m.RecordPage })));
const FormPage = lazy(() => import('./pages/forms/form-page.js').then((m) => ({ default: m.FormPage })));
const DesignerPage = lazy(() => import('./pages/staff/designer/designer-page.js').then((m) => ({ default: m.DesignerPage })));
const CaseHistoryPage = lazy(() => import('./pages/staff/case-history/case-history-page.js').then((m) => ({ default: m.CaseHistoryPage })));
const OutboxPage = lazy(() => import('./pages/staff/outbox-page.js').then((m) => ({ default: m.OutboxPage })));
const AccountsPage = lazy(() => import('./pages/staff/accounts/accounts-page.js').then((m) => ({ default: m.AccountsPage })));
const StaffHomePage = lazy(() => import('./pages/staff/staff-home-page.js').then((m) => ({ default: m.StaffHomePage })));
const InboxPage = lazy(() => import('./pages/staff/inbox/inbox-page.js').then((m) => ({ default: m.InboxPage })));
const TaskPage = lazy(() => import('./pages/staff/inbox/task-page.js').then((m) => ({ default: m.TaskPage })));
const PasswordPage = lazy(() => import('./pages/staff/accounts/password-page.js').then((m) => ({ default: m.PasswordPage })));
const SecondFactorPage = lazy(() => import('./pages/staff/accounts/second-factor-page.js').then((m) => ({ default: m.SecondFactorPage })));

type Route = { path: string; render: (params: Record<string, string>, search: string) => ReactNode };

// One page per role and step of procedure 1; everything else is a static page or 404.
const routes: Route[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/knoellchen', render: () => <PortalEntryPage /> },
  // The link mailed to whoever answered the hearing (`#<ticket>.<token>`); before /knoellchen/:code.
  { path: '/knoellchen/antwort', render: (_p, search) => <TicketPage key="antwort" code="antwort" search={search} answerLink /> },
  // Keyed by code so opening another ticket starts from a clean state.
  {
    path: '/knoellchen/:code',
    render: (p, search) => {
      const code = normalizeTicketCode(p.code ?? '');
      return <TicketPage key={code} code={code} search={search} />;
    },
  },
  { path: '/dienste', render: () => <ServicesPage /> },
  { path: '/formulare/:formId', render: (p) => <FormPage key={p.formId} formId={p.formId ?? ''} /> },
  { path: '/vorgang/:caseNumber', render: (p, search) => <CasePage key={p.caseNumber} caseNumber={p.caseNumber ?? ''} search={search} /> },
  { path: '/dienst', render: () => <StaffHomePage /> },
  { path: '/dienst/formulare', render: () => <DesignerPage /> },
  { path: '/dienst/formulare/:formId', render: (p) => <DesignerPage key={p.formId} formId={p.formId} /> },
  { path: '/dienst/erfassen', render: () => <RecordPage /> },
  { path: '/dienst/postausgang', render: () => <OutboxPage /> },
  // inbox pages
  { path: '/dienst/aufgaben', render: (_p, search) => <InboxPage search={search} /> },
  { path: '/dienst/aufgaben/:taskId', render: (p) => <TaskPage key={p.taskId} taskId={p.taskId ?? ''} /> },
  // account pages
  { path: '/dienst/konten', render: () => <AccountsPage /> },
  { path: '/dienst/passwort', render: () => <PasswordPage /> },
  { path: '/dienst/zweiter-faktor', render: () => <SecondFactorPage /> },
  // hearing pages
  // case history pages
  { path: '/dienst/vorgaenge/:caseNumber', render: (p) => <CaseHistoryPage key={p.caseNumber} caseNumber={p.caseNumber ?? ''} /> },
  { path: '/impressum', render: () => <ImprintPage /> },
  { path: '/datenschutz', render: () => <PrivacyPage /> },
  { path: '/barrierefreiheit', render: () => <AccessibilityPage /> },
];

export function App() {
  const { pathname, search } = useLocation();
  let page: ReactNode = <NotFoundPage />;
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) {
      page = route.render(params, search);
      break;
    }
  }
  return (
    <Layout pathname={pathname} search={search}>
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </Layout>
  );
}
