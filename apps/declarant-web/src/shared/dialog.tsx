// Side panels (volets, role="dialog") and confirmations (role="alertdialog"): a native <dialog>
// opened with showModal(), so the page behind is inert (no focus, no click, hidden from screen
// readers) and the focus stays inside; named by their heading, focused when opened, closed by
// Escape, focus given back to what opened them (issue #14 item 7).
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode, SyntheticEvent } from 'react';

interface DialogProps {
  /** Id of the heading, which names the dialog (aria-labelledby). */
  titleId: string;
  title: string;
  /** Id of the sentence describing an alert dialog (aria-describedby). */
  describedBy?: string;
  role?: 'dialog' | 'alertdialog';
  /** "side-panel" (volet on the right) or "confirm-dialog" (centred box over a backdrop). */
  variant?: 'side-panel' | 'confirm-dialog';
  onClose: () => void;
  children: ReactNode;
}

/** What Tab can reach inside the dialog, in order (shown and enabled). */
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), ' +
  'select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function tabbables(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
}

/**
 * A modal dialog. The element marked `data-autofocus` takes the focus on opening (React's
 * `autoFocus` runs before the dialog is shown, when nothing in it can be focused), else the
 * dialog itself, so that its name is read first.
 */
export function Dialog({
  titleId,
  title,
  describedBy,
  role = 'dialog',
  variant = 'side-panel',
  onClose,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );

  useEffect(() => {
    const node = ref.current;
    if (node === null) return;
    if (!node.open) node.showModal();
    (node.querySelector<HTMLElement>('[data-autofocus]') ?? node).focus();
    return () => {
      if (node.open) node.close();
      // The opener may be gone with the dialog ("Ajouter les identifiants…" once connected):
      // the page's heading then keeps the focus where the reading goes on, not on <body>.
      if (opener?.isConnected) opener.focus();
      else document.querySelector<HTMLElement>('main h1')?.focus();
    };
  }, [opener]);

  function handleKeyDown(event: KeyboardEvent<HTMLDialogElement>): void {
    const node = ref.current;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || node === null) return;
    // Tab past the last control comes back to the first (and Shift+Tab the other way) instead
    // of leaving the page for the browser's own bar.
    const reachable = tabbables(node);
    const first = reachable[0];
    const last = reachable[reachable.length - 1];
    if (first === undefined || last === undefined) return;
    const active = document.activeElement;
    if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    } else if (event.shiftKey && (active === first || active === node)) {
      event.preventDefault();
      last.focus();
    }
  }

  // Escape may also reach the browser's own "cancel" (e.g. pressed twice quickly): the dialog
  // stays under React's control, which closes it by unmounting.
  function handleCancel(event: SyntheticEvent<HTMLDialogElement>): void {
    event.preventDefault();
    onClose();
  }

  return (
    <dialog
      ref={ref}
      className={variant}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      tabIndex={-1}
      onKeyDown={handleKeyDown}
      onCancel={handleCancel}
    >
      <h3 id={titleId}>{title}</h3>
      {children}
    </dialog>
  );
}
