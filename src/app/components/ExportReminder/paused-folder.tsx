/** The banner that says copies to the chosen folder are paused, and asks again at the next click. */
import { useEffect } from 'preact/hooks';
import { useQuery } from '../../hooks/use-query';
import { askAtNextGesture } from '../../transfer/folder-permission';

export function FolderPausedBanner() {
  const status = useQuery('folder.status', {}, ['backups', 'all']);
  const paused = status.data?.state === 'paused';
  useEffect(() => (paused ? askAtNextGesture() : undefined), [paused]);
  if (!paused) return null;
  return (
    <div class="banner" role="alert" data-testid="folder-paused-banner">
      Copies of your backups to the folder “{status.data?.name}” are paused until you allow Tillite to write there again:
      click anywhere to be asked.
    </div>
  );
}
