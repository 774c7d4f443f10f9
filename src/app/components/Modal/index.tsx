/**
 * A modal dialog on the native `<dialog>` element opened with `showModal()`: it sits in the top layer above
 * every stylesheet's positioning, makes the page behind inert (Tab stays inside), draws a backdrop and turns
 * Esc into `onClose`. The focus moves in every time it opens, not only the first time a document loads.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import styles from './modal.module.css';

/** What a {@link Modal} needs: a name for screen readers, what closing means, and where the focus goes. */
export interface ModalProps {
  /** The dialog's accessible name ("Payment", "Sale complete"). */
  label: string;
  /** Called on Esc (and if the browser closes the dialog itself); the parent then stops rendering it. */
  onClose(): void;
  /** The control that gets the focus on open; without it, the first control in the dialog. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Extra class for the dialog element (its size or layout). */
  class?: string;
  testId?: string;
  children: ComponentChildren;
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/** The modal dialog. Render it to open it; stop rendering it to close it. */
export function Modal({ label, onClose, initialFocus, class: extra, testId, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useLayoutEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    const target = initialFocus?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
    const onCancel = (event: Event) => {
      // The parent decides: it unmounts the dialog, which keeps Preact's state and the DOM in step.
      event.preventDefault();
      close.current();
    };
    // Chrome may close a dialog on a second Esc without a cancelable event; the parent must hear of it too.
    const onNativeClose = () => close.current();
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
    };
    // Opened once per mount: the parent mounts a new Modal for every payment or receipt.
  }, []);

  return (
    <dialog ref={ref} class={`${styles.dialog} ${extra ?? ''}`} aria-label={label} data-testid={testId}>
      {children}
    </dialog>
  );
}
