// One error line of a DGFiP return, as the partner shows it and the declarant stores it: the
// contracts' DepositError itself (tdfc already depends on @passerelle/contracts), so the JSON of
// a deposit and the lines read back from its CONTRL or CR cannot drift apart.
import type { DepositError } from '@passerelle/contracts';
import { isLatin9Printable } from '../text';

/**
 * One error of a CONTRL (level `syntax`) or of an INFENT CR (level `integrability`): severity
 * `rejet` (blocks the deposit or the form) or `alerte`; `code` the 0085 syntax error (`29`) or
 * the rule id (`value.negative`, `012`); `form` the EDI form id (`2033A`) or null; `cell` the
 * cell code or null; `occurrence` of the form from 1, or null; `label` the cell's dictionary
 * label (a syntax error: the segment tag); `message` French, for a collaborator.
 */
export type ReturnError = DepositError;
export type ReturnSeverity = ReturnError['severity'];

/** FTX C108 holds five 4440 components of 512 characters (D.00B): the longest text of a line. */
export const TEXT_PART_LENGTH = 512;
export const TEXT_MAX_LENGTH = 5 * TEXT_PART_LENGTH;

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
};

/**
 * Text as a return can carry it: ISO-8859-15 printable characters only (typographic quotes and
 * dashes become their ASCII forms, any space or line break one space, anything else `?`),
 * trimmed, at most `max` characters. Applied to the errors themselves, so the JSON view and the
 * EDIFACT text of a CR say exactly the same thing.
 */
export function toReturnText(text: string, max = TEXT_MAX_LENGTH): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (/\s/u.test(char)) out += ' ';
    else if (isLatin9Printable(char)) out += char;
    else out += REPLACEMENTS[char] ?? '?';
  }
  out = out.replace(/ {2,}/g, ' ').trim();
  return out.length > max ? `${out.slice(0, max - 3).trimEnd()}...` : out;
}

/** An error as a CR carries it: texts made sendable, empty texts as null. */
export function normalizeReturnError(error: ReturnError): ReturnError {
  const optional = (value: string | null, max?: number): string | null => {
    if (value === null) return null;
    const text = toReturnText(value, max);
    return text === '' ? null : text;
  };
  const occurrence =
    error.occurrence !== null && Number.isSafeInteger(error.occurrence) && error.occurrence > 0
      ? error.occurrence
      : null;
  return {
    level: error.level,
    severity: error.severity,
    code: toReturnText(error.code, 35) || 'inconnu',
    form: optional(error.form, 35),
    cell: optional(error.cell, 35),
    occurrence,
    label: optional(error.label),
    message: toReturnText(error.message) || 'Erreur sans description.',
  };
}
