/** "Install Tillite": shown only where the browser allows installing the app and it is not installed yet. */
import { install, installPrompt } from '../../state/install';

/** The install button; `label` lets the Status page say more than the header does. */
export function InstallButton({ label = 'Install app', class: extra }: { label?: string; class?: string }) {
  if (!installPrompt.value) return null;
  return (
    <button type="button" class={`secondary ${extra ?? ''}`} data-testid="install-app" onClick={() => void install()}>
      {label}
    </button>
  );
}
