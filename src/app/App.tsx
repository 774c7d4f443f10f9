/**
 * The app shell: a header with navigation and the update banner, the current view, or a full-screen
 * explanation when the database cannot be used.
 */
import type { ComponentType } from 'preact';
import { BackupWarning } from './components/BackupWarning';
import { FatalScreen } from './components/FatalScreen';
import { RecoveryScreen } from './components/RecoveryScreen';
import { UpdateBanner } from './components/UpdateBanner';
import { dbStatus } from './state/app-state';
import { currentPath, navigate } from './router';
import { DataView } from './views/Data';
import { StatusView } from './views/Status';

interface Route {
  path: string;
  label: string;
  view: ComponentType;
}

/** The app's views, in navigation order. */
const ROUTES: Route[] = [
  { path: '/', label: 'Status', view: StatusView },
  { path: '/data', label: 'Data', view: DataView },
];

export function App() {
  const status = dbStatus.value;
  if (status.state === 'failed' && status.error.detail?.recoverable === true) return <RecoveryScreen error={status.error} />;
  if (status.state === 'failed' || status.state === 'outdated') return <FatalScreen status={status} />;
  const route = ROUTES.find((r) => r.path === currentPath.value) ?? ROUTES[0]!;
  const View = route.view;
  return (
    <div class="shell">
      <header class="top">
        <strong class="brand">Tillite</strong>
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
        <span class="db-state" data-testid="db-state" data-state={status.state}>
          {status.state === 'ready' ? 'Database ready' : status.detail}
        </span>
      </header>
      <UpdateBanner />
      {status.state === 'ready' && <BackupWarning />}
      <main class="content">{status.state === 'ready' ? <View /> : <p class="boot">{status.detail}…</p>}</main>
    </div>
  );
}
