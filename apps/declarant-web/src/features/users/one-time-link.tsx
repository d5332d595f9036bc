// A one-time link (invitation or reset) shown once, in a read-only field with a copy button.
import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { PasswordLink } from '@passerelle/contracts';
import { formatLongDateTime } from '../../shared/format';

interface OneTimeLinkProps {
  /** Accessible name of the read-only field, e.g. "Lien d'invitation". */
  label: string;
  /** Visible text of the copy button, e.g. "Copier le lien d'invitation". */
  copyLabel: string;
  link: PasswordLink;
  /** What happened and what to do with the link (announced politely). */
  children: ReactNode;
}

/** Read-only link field, its expiry, and a copy button with polite feedback. */
export function OneTimeLink({ label, copyLabel, link, children }: OneTimeLinkProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [feedback, setFeedback] = useState('');

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(link.url);
      setFeedback('Lien copié dans le presse-papiers.');
    } catch {
      input.current?.select();
      setFeedback('Copie impossible : le lien est sélectionné, copiez-le avec Ctrl+C.');
    }
  }

  return (
    <div className="one-time-link">
      <div role="status">{children}</div>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="copy-row">
          <input
            ref={input}
            id={id}
            type="text"
            readOnly
            value={link.url}
            aria-describedby={`${id}-expiry`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button" onClick={() => void copy()}>
            {copyLabel}
          </button>
        </div>
        <p id={`${id}-expiry`} className="field-hint">
          Ce lien expire le {formatLongDateTime(link.expiresAt)}. Il ne sera plus affiché après
          avoir quitté cette page.
        </p>
        <p className="copy-feedback" aria-live="polite">
          {feedback}
        </p>
      </div>
    </div>
  );
}
