/** A small path router: the current path as a signal, and navigation without reloads. */
import { signal } from '@preact/signals';

/** The current path, e.g. "/" or "/data". */
export const currentPath = signal(window.location.pathname);

window.addEventListener('popstate', () => {
  currentPath.value = window.location.pathname;
});

/** Goes to `path` inside the app. */
export function navigate(path: string): void {
  if (path === currentPath.value) return;
  window.history.pushState(null, '', path);
  currentPath.value = path;
}
