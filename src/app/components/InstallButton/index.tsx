/** "Install Tillite": shown only where the browser allows installing the app and it is not installed yet. */
import { install, installPrompt } from '../../state/install';

/** The install button; `label` lets the Status page say more than the header does. */
export function InstallButton({ label = 'Install app', class: extra, testId = 'install-app' }: { label?: string; class?: string; testId?: string }) {
  if (!installPrompt.value) return null;
  return (
    <button type="button" class={`secondary ${extra ?? ''}`} data-testid={testId} onClick={() => void install()}>
      {label}
    </button>
  );
}
