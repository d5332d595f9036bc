// A coherence control of the printed forms, written once as data: `target` must equal the sum of
// `sum` minus the sum of `minus` (absent cells count as 0). One engine (`../coherence-rules.ts`)
// checks them all; `rules.test.ts` builds a passing and a failing declaration for each.

import type { Severity } from '../anomaly';

/**
 * A term: a cell code of the rule's own form and occurrence (`AE`), or a cell of another form's
 * first occurrence written `FORM.CODE` (`2033A.FG`, a carry-over between forms).
 */
export type Term = string;

export interface CoherenceRule {
  /** Stable and unique: the anomaly's `rule` (`total.2033A.actif-immobilise.brut`). */
  id: string;
  /** Form whose cell `target` holds the total (the anomaly is placed there). */
  form: string;
  target: string;
  sum: readonly Term[];
  minus?: readonly Term[];
  /** Where the printed form states it: form and line (`2033-A, ligne 044 (AE)`). */
  source: string;
  /** `error` where the DGFiP rejects an inconsistent total, `warning` otherwise. */
  severity: Severity;
  /** French description of the total, for the message (« total I de l'actif immobilisé »). */
  what: string;
}

/** The form of a term (`own` when it names a cell of the rule's form) and its code. */
export function termPlace(term: Term, own: string): { form: string; code: string } {
  const dot = term.indexOf('.');
  return dot < 0
    ? { form: own, code: term }
    : { form: term.slice(0, dot), code: term.slice(dot + 1) };
}

/** `line(x)` for each `x`: a short way to write a column of cells (`codes('A', 'ABCD')`). */
export const codes = (prefix: string, letters: string): string[] =>
  [...letters].map((letter) => prefix + letter);
