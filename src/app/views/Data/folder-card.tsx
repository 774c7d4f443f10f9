/**
 * Copies of every scheduled backup in a folder the user chooses (Chromium's File System Access API): a synced or
 * network folder keeps a copy outside the browser without anyone thinking of it. Where the browser has no folder
 * picker, the card says why the option is missing.
 */
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { canPickFolder, pickFolder } from '../../transfer/files';
import { allowFolderAgain } from '../../transfer/folder-permission';
import { saveFolderHandle } from '../../../lib/folder-store';

interface Props {
  onMessage(text: string, isError: boolean): void;
}

export function FolderCard({ onMessage }: Props) {
  const status = useQuery('folder.status', {}, ['backups', 'all']);
  const { run, busy: working } = useAction(
    async (action: () => Promise<string | null>) => {
      const text = await action();
      if (text) onMessage(text, false);
    },
    { onError: (text) => onMessage(text, true) },
  );

  if (!canPickFolder()) {
    return (
      <article class="card" data-testid="folder-card">
        <h2>Copies to a folder</h2>
        <p data-testid="folder-unavailable">
          This browser cannot write backups to a folder you choose (Chrome and Edge on a computer can). Use “Download
          backup” regularly instead.
        </p>
      </article>
    );
  }

  const choose = () =>
    run(async () => {
      const handle = await pickFolder();
      if (!handle) return null;
      await saveFolderHandle(handle);
      const next = await db().send('folder.changed', { now: new Date().toISOString() });
      return `Backups will also be copied to “${handle.name}”${next.lastCopy ? `; the newest is there now (${next.lastCopy.name})` : ''}.`;
    });

  const stop = () =>
    run(async () => {
      await saveFolderHandle(null);
      await db().send('folder.changed', { now: new Date().toISOString() });
      return 'Backups are no longer copied to a folder. The copies already there stay.';
    });

  const s = status.data;
  return (
    <article class="card" data-testid="folder-card">
      <h2>Copies to a folder</h2>
      <p class="muted">Every scheduled backup is also written to a folder you choose, for example a synced or network folder, and old ones are removed there by the same rule as here.</p>
      {s?.name ? (
        <dl class="facts">
          <dt>Folder</dt>
          <dd data-testid="folder-name">{s.name}</dd>
          <dt>Last copy</dt>
          <dd data-testid="folder-last-copy">{s.lastCopy ? `${new Date(s.lastCopy.at).toLocaleString()} (${s.lastCopy.name})` : 'none yet'}</dd>
        </dl>
      ) : (
        <p data-testid="folder-none">No folder chosen.</p>
      )}
      {s?.state === 'paused' && (
        <p class="error" data-testid="folder-paused">
          Copies are paused until you allow Tillite to write to “{s.name}” again.{' '}
          <button type="button" onClick={() => void run(async () => ((await allowFolderAgain()) ? 'Copies to the folder resume.' : null))}>
            Allow
          </button>
        </p>
      )}
      {s?.problem && s.state !== 'paused' && <p class="error" data-testid="folder-problem">{s.problem}</p>}
      <div class="row">
        <button type="button" data-testid="folder-choose" disabled={working} onClick={() => void choose()}>
          {s?.name ? 'Choose another folder…' : 'Choose a folder…'}
        </button>
        {s?.name && (
          <button type="button" class="secondary" data-testid="folder-stop" disabled={working} onClick={() => void stop()}>
            Stop copying
          </button>
        )}
      </div>
    </article>
  );
}
