/**
 * A barcode scanner is a keyboard that types fast and presses Enter. This hook collects keys typed while no
 * text field has the focus and reports the code on Enter, so a scan works anywhere on the register. Typing in
 * a field is left alone: the register's search field handles its own Enter (and scans typed into it).
 */
import { useEffect, useRef } from 'preact/hooks';

/** Keys further apart than this start a new code: a person pausing is not a scanner. */
const GAP_MS = 1000;

function isField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || !element.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable;
}

/** Calls `onScan(code)` for every code of at least 3 characters typed and ended with Enter while `enabled`. */
export function useScanner(onScan: (code: string) => void, enabled: boolean): void {
  const callback = useRef(onScan);
  callback.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let last = 0;
    const onKey = (event: KeyboardEvent) => {
      if (isField(event.target) || event.ctrlKey || event.altKey || event.metaKey) {
        buffer = '';
        return;
      }
      const now = event.timeStamp;
      if (now - last > GAP_MS) buffer = '';
      last = now;
      if (event.key === 'Enter') {
        if (buffer.length >= 3) {
          event.preventDefault();
          callback.current(buffer);
        }
        buffer = '';
      } else if (event.key.length === 1) {
        buffer += event.key;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
