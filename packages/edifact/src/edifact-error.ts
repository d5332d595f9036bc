/** Why EDIFACT text was refused (reading) or could not be produced (writing). A closed list. */
export type EdifactErrorCode =
  /** UNA malformed, or service characters that cannot work (duplicates, letters, bad decimal). */
  | 'SERVICE_CHARS_INVALID'
  /** The file does not start with UNB (after an optional UNA), or is empty. */
  | 'UNB_MISSING'
  /** UNB S001 names a character set or syntax version this codec does not handle. */
  | 'SYNTAX_UNSUPPORTED'
  | 'SEGMENT_TAG_INVALID'
  /** The input ends inside a segment (no final segment terminator). */
  | 'SEGMENT_UNTERMINATED'
  /** A release character is the very last character: there is nothing left for it to release. */
  | 'RELEASE_AT_END'
  | 'SEGMENT_TOO_LONG'
  | 'INTERCHANGE_TOO_LARGE'
  /** A character outside the declared character set (UNOA, UNOB, UNOC, UNOL). */
  | 'CHARACTER_NOT_ALLOWED'
  /** A segment where the envelope does not allow it (UNH inside a message, data outside one…). */
  | 'UNEXPECTED_SEGMENT'
  /** The input ends before UNZ, or before the open message or group is closed. */
  | 'INTERCHANGE_INCOMPLETE'
  | 'DATA_AFTER_UNZ'
  /** UNT/UNE/UNZ announce a count that differs from what was actually read. */
  | 'COUNT_MISMATCH'
  /** UNT/UNE/UNZ repeat a reference that differs from their UNH/UNG/UNB. */
  | 'REFERENCE_MISMATCH'
  /** A mandatory service element is missing or malformed (UNB 0020, UNH 0062, UNT 0074…). */
  | 'ELEMENT_INVALID'
  | 'DECIMAL_INVALID'
  /** A value holds a service character but no release character is declared to escape it. */
  | 'VALUE_NOT_ESCAPABLE'
  /** The caller gave something unusable (writer input, chunks that are not bytes…). */
  | 'INPUT_INVALID';

/**
 * Where the problem is. Segments are numbered from 1 in the interchange (UNB is 1, the UNA service
 * string advice is not a segment); elements from 1 after the tag (UNB S001 is element 1);
 * components from 1; `offset` is the 0-based byte offset in the file (or the index in the text
 * for text-level functions).
 */
export interface EdifactPosition {
  segment?: number;
  tag?: string;
  element?: number;
  component?: number;
  offset?: number;
}

/**
 * The one error this package throws. The message is a French sentence for the accountant who
 * imports the file ("Segment 12 (UNT), élément 1 : …"); programs match on `code` and read the
 * position fields, never the text.
 */
export class EdifactError extends Error {
  override readonly name = 'EdifactError';
  readonly segment?: number;
  readonly tag?: string;
  readonly element?: number;
  readonly component?: number;
  readonly offset?: number;

  constructor(
    readonly code: EdifactErrorCode,
    detail: string,
    position: EdifactPosition = {},
  ) {
    super(describe(position, detail));
    this.segment = position.segment;
    this.tag = position.tag;
    this.element = position.element;
    this.component = position.component;
    this.offset = position.offset;
  }
}

/** "Segment 12 (UNT), élément 1 : detail." — or the bare detail, capitalised, without a segment. */
function describe(position: EdifactPosition, detail: string): string {
  let where = '';
  if (position.segment !== undefined) {
    where = position.tag
      ? `Segment ${position.segment} (${position.tag})`
      : `Segment ${position.segment}`;
  } else if (position.tag !== undefined) {
    where = position.tag === 'UNA' ? 'En-tête UNA' : `Segment ${position.tag}`;
  }
  if (where && position.element !== undefined) where += `, élément ${position.element}`;
  if (where && position.component !== undefined) where += `, composant ${position.component}`;
  const sentence = detail.endsWith('.') ? detail : `${detail}.`;
  return where ? `${where} : ${sentence}` : sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** « é » (U+00E9) for a printable character, U+0009 alone for a control character. */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = code >= 0x20 && !(code >= 0x7f && code <= 0x9f);
  return printable ? `« ${character} » (${hex})` : hex;
}
