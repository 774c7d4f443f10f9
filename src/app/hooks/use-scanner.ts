/**
 * A barcode scanner is a keyboard that types a code within milliseconds and presses Enter. This hook watches
 * every key on the page before any field sees it (capture phase) and, when a burst turns out to be a scan, adds
 * nothing to the field the keys landed in: the field gets back the value it had before the first key of the
 * burst, Enter is swallowed, and `onScan(code)` runs. Keys a person types into a field are left alone; with no
 * field focused, a code typed and ended with Enter counts as well (see scan-burst.ts).
 */
import { useEffect, useRef } from 'preact/hooks';
import { BurstDetector } from './scan-burst';

type Field = HTMLInputElement | HTMLTextAreaElement;

function asField(target: EventTarget | null): Field | null {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
}

/** Puts a field back as it was, through the native setter so frameworks see an ordinary input event. */
function restore(field: Field, value: string, selection: [number | null, number | null]): void {
  if (field.value === value) return;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;
  setter?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  const [start, end] = selection;
  // Number fields have no selection; putting the caret back matters only where there is one.
  if (start !== null && end !== null) {
    try {
      field.setSelectionRange(start, end);
    } catch {
      // A field type without a selection: nothing to put back.
    }
  }
}

/** Calls `onScan(code)` for every scanner burst anywhere on the page while the component is mounted. */
export function useScanner(onScan: (code: string) => void): void {
  const callback = useRef(onScan);
  callback.current = onScan;
  useEffect(() => {
    const detector = new BurstDetector();
    // The field the burst started in and what it held before its first key.
    let before: { field: Field; value: string; selection: [number | null, number | null] } | null = null;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return detector.reset();
      const field = asField(event.target);
      const step = detector.key(event.key, event.timeStamp, field !== null);
      if (step.kind === 'start') {
        before = field ? { field, value: field.value, selection: [field.selectionStart, field.selectionEnd] } : null;
      } else if (step.kind === 'scan') {
        // Enter must not reach the field (it would apply the code as a quantity, a discount, a payment) nor
        // activate a focused button.
        event.preventDefault();
        event.stopPropagation();
        if (before && before.field === event.target) restore(before.field, before.value, before.selection);
        before = null;
        callback.current(step.code);
      }
    };
    const onPointer = () => detector.reset();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, []);
}
