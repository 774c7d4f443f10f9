/**
 * The app shell: a header with navigation and the update banner, the current view, or a full-screen
 * explanation when the database cannot be used. Until the shop is set up, every view but Status shows the
 * first-run setup.
 */
import type { ComponentType } from 'preact';
import { BackupWarning } from './components/BackupWarning';
import { ExportReminder } from './components/ExportReminder';
import { FolderPausedBanner } from './components/ExportReminder/paused-folder';
import { FatalScreen } from './components/FatalScreen';
import { InstallButton } from './components/InstallButton';
import { PrintArea } from './components/Receipt';
import { RecoveryScreen } from './components/RecoveryScreen';
import { UpdateBanner } from './components/UpdateBanner';
import { dbStatus, dbWasReady } from './state/app-state';
import { shop } from './state/shop';
import { currentPath, navigate } from './router';
import { CatalogView } from './views/Catalog';
import { DataView } from './views/Data';
import { NotFoundView } from './views/NotFound';
import { RegisterView } from './views/Register';
import { ReportsView } from './views/Reports';
import { SalesView } from './views/Sales';
import { SetupView } from './views/Setup';
import { StatusView } from './views/Status';
import { LockView } from './views/Lock';
import { ApprovalDialog } from './views/Lock/approval-dialog';
import { ShiftView } from './views/Shift';
import { StaffView } from './views/Staff';
import { signedIn } from './state/session';
import { idleLocked, useIdleLock } from './state/idle-lock';

interface Route {
  path: string;
  label: string;
  view: ComponentType;
}

/** The app's views, in navigation order. */
const ROUTES: Route[] = [
  { path: '/', label: 'Register', view: RegisterView },
  { path: '/sales', label: 'Sales', view: SalesView },
  { path: '/catalog', label: 'Catalogue', view: CatalogView },
  { path: '/shop', label: 'Shop', view: SetupView },
  { path: '/data', label: 'Data', view: DataView },
  { path: '/shift', label: 'Shift', view: ShiftView },
  { path: '/reports', label: 'Reports', view: ReportsView },
  { path: '/staff', label: 'Staff', view: StaffView },
  { path: '/lock', label: 'Lock', view: LockView },
  { path: '/status', label: 'Status', view: StatusView },
];

/** Any other address: a page that says so, with a way back (not the register, which would hide the mistake). */
const NOT_FOUND: Route = { path: '', label: 'Not found', view: NotFoundView };

function Content({ route }: { route: Route }) {
  const status = dbStatus.value;
  // Once the database has answered, views stay mounted while another tab takes over (calls wait in the
  // client's queue), so a hand-over never throws away what the cashier was doing.
  if (status.state !== 'ready' && !dbWasReady.value) {
    return <p class="boot">{status.state === 'starting' ? status.detail : 'Starting'}…</p>;
  }
  // Status and Data work before the shop is set up: a restore may be the first thing a new device does.
  if (route.view === StatusView || route.view === DataView || route.view === NotFoundView) return <route.view />;
  if (shop.value === undefined) return <p class="boot">Opening the shop…</p>;
  if (shop.value === null) return <SetupView />;
  // Locked after the idle time: only a PIN brings the view back (the sale in progress is kept with the cart).
  if (idleLocked.value) return <LockView />;
  const View = route.view;
  return <View />;
}

export function App() {
  useIdleLock();
  const status = dbStatus.value;
  if (status.state === 'failed' && status.error.detail?.recoverable === true) return <RecoveryScreen error={status.error} />;
  if (status.state === 'failed' || status.state === 'outdated') return <FatalScreen status={status} />;
  const route = ROUTES.find((r) => r.path === currentPath.value) ?? NOT_FOUND;
  return (
    <>
      <div class="shell">
        <header class="top">
          <strong class="brand">{shop.value?.name ?? 'Tillite'}</strong>
          <nav>
            {ROUTES.map((r) => (
              <a
                key={r.path}
                href={r.path}
                aria-current={r === route ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(r.path);
                }}
              >
                {r.label}
              </a>
            ))}
          </nav>
          <InstallButton class="install" />
          {signedIn.value && <span data-testid="header-signed-in">{signedIn.value.name}</span>}
          <span class="db-state" data-testid="db-state" data-state={status.state}>
            {status.state === 'ready' ? 'Database ready' : status.detail}
          </span>
        </header>
        <UpdateBanner />
        {status.state === 'ready' && <BackupWarning />}
        {status.state === 'ready' && <ExportReminder />}
        {status.state === 'ready' && <FolderPausedBanner />}
        <main class="content">
          <Content route={route} />
        </main>
      </div>
      <PrintArea />
      <ApprovalDialog />
    </>
  );
}
