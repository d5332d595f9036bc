// A small "Copier" button for a value shown shortened (an SHA-256), with polite feedback.
import { useState } from 'react';

/** Copies `value` to the clipboard; says so, or shows the whole value to copy by hand. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [feedback, setFeedback] = useState('');

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
      setFeedback('Copié dans le presse-papiers.');
    } catch {
      // No clipboard (plain http, permission refused): the value itself, selectable.
      setFeedback(`Copie impossible, valeur complète : ${value}`);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-small"
        aria-label={label}
        onClick={() => void copy()}
      >
        Copier
      </button>
      <span className="copy-feedback-inline" aria-live="polite">
        {feedback}
      </span>
    </>
  );
}
