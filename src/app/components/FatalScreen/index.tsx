/**
 * A full-screen explanation for states where Tillite must not be used: storage that cannot open, the database
 * held by another window, a database from a newer version, a damaged database, an outdated tab.
 */
import type { WorkerStatus } from '../../../db/protocol/envelope';
import { RecoveryActions } from '../RecoveryActions';
import './style.css';

const TITLES: Record<string, string> = {
  'storage-unavailable': 'Tillite cannot store data in this browser',
  'open-elsewhere': 'Tillite is open in another window',
  'newer-schema': 'This data comes from a newer Tillite',
  'migration-failed': 'Tillite could not update its database',
  damaged: 'The database is damaged',
  'version-mismatch': 'Tillite was updated',
};

const ADVICE: Record<string, string> = {
  'storage-unavailable':
    'Your sales cannot be kept safely here, so Tillite will not start. Open it in a normal (not private) window of a current browser, and allow this site to store data.',
  'open-elsewhere':
    'Only one window can use the shop\'s database at a time in this browser. Switch to the other window, or close it and reload this one.',
  'newer-schema':
    'Update Tillite (reload while online) before opening this data. Nothing was changed. You can download a copy of it as it is.',
  'migration-failed':
    'The failed step was undone: the database stays at its last good version, and nothing else can write to it until this is resolved.',
  damaged: 'Nothing more was written to it. Restore a backup to continue.',
};

/** Shows why the app cannot run, and what to do. */
export function FatalScreen({ status }: { status: Extract<WorkerStatus, { state: 'failed' | 'outdated' }> }) {
  if (status.state === 'outdated') {
    return (
      <main class="fatal" data-testid="fatal" data-code="outdated">
        <div role="alert">
        <h1>Tillite was updated</h1>
        <p>Another window runs Tillite {status.otherVersion}. Reload this window to use the new version.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
        </div>
      </main>
    );
  }
  const { code, message } = status.error;
  return (
    <main class="fatal" data-testid="fatal" data-code={code}>
      <div role="alert">
      <h1>{TITLES[code] ?? 'Tillite cannot open its database'}</h1>
      <p class="fatal-message">{message}</p>
      {ADVICE[code] && <p>{ADVICE[code]}</p>}
      <RecoveryActions error={status.error} />
      <button type="button" onClick={() => window.location.reload()}>
        Try again
      </button>
      </div>
    </main>
  );
}
