// Side panels (volets, role="dialog") and confirmations (role="alertdialog"): named by their
// heading, focused when opened, closed by Escape, focus given back to what opened them.
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

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

/** A modal dialog; a child with `autoFocus` keeps the focus, else the dialog itself takes it. */
export function Dialog({
  titleId,
  title,
  describedBy,
  role = 'dialog',
  variant = 'side-panel',
  onClose,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );

  useEffect(() => {
    const node = ref.current;
    if (node !== null && !node.contains(document.activeElement)) node.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  }

  const dialog = (
    <div
      ref={ref}
      className={variant}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      tabIndex={-1}
      onKeyDown={handleKeyDown}
    >
      <h3 id={titleId}>{title}</h3>
      {children}
    </div>
  );
  return variant === 'confirm-dialog' ? <div className="dialog-backdrop">{dialog}</div> : dialog;
}
