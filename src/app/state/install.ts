/**
 * Installing the app: Chromium-based browsers announce that the app can be installed with a
 * `beforeinstallprompt` event; keeping it lets the app offer its own "Install" button instead of a browser
 * menu entry few shop owners find. Browsers without the event (Safari, Firefox) never show the button.
 */
import { signal } from '@preact/signals';

/** The browser's install prompt event (not in TypeScript's DOM types). */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** The prompt the browser offered, while the app can be installed; null otherwise. */
export const installPrompt = signal<InstallPromptEvent | null>(null);

/** True when the app runs installed (its own window) or was installed in this session. */
export const installed = signal(typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches);

window.addEventListener('beforeinstallprompt', (event) => {
  // Keep the prompt for the app's own button rather than the browser's mini bar.
  event.preventDefault();
  installPrompt.value = event as InstallPromptEvent;
});
window.addEventListener('appinstalled', () => {
  installed.value = true;
  installPrompt.value = null;
});

/** Shows the browser's install dialog; true when the person accepted. A prompt can be used only once. */
export async function install(): Promise<boolean> {
  const prompt = installPrompt.value;
  if (!prompt) return false;
  installPrompt.value = null;
  await prompt.prompt();
  const { outcome } = await prompt.userChoice;
  if (outcome === 'accepted') installed.value = true;
  return outcome === 'accepted';
}
