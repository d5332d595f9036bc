// The one error of the INFENT-DF writer and reader: a French sentence for the accountant, with
// the place of the problem (message, segment, form and cell) as fields for programs.
import { EdifactError } from '@passerelle/edifact';

/** Where an INFENT-DF problem is. Every field is optional: only what is known is set. */
export interface InfentPosition {
  /** Writer: 1-based index of the declaration in the list given. */
  declaration?: number;
  /** Reader: 1-based number of the message in the interchange (UNH order). */
  message?: number;
  /** Reader: segment number inside the message, UNH = 1 (as a CONTRL report counts). */
  segment?: number;
  /** Segment number in the whole interchange, UNB = 1 (EdifactError's numbering). */
  interchangeSegment?: number;
  /** 0-based byte offset in the file. */
  offset?: number;
  tag?: string;
  form?: string;
  code?: string;
  /** 0-based occurrence of the form and row of the cell (EDIFACT numbers them from 1). */
  formOccurrence?: number;
  valueIndex?: number;
}

/**
 * Why an interchange could not be written or read. `message` reads like « Message 2, segment
 * 37 : case 2033A/FG inconnue du millésime 25. »; programs read `position`, never the text. A
 * syntax error found by @passerelle/edifact is its `cause`.
 */
export class InfentError extends Error {
  override readonly name = 'InfentError';

  constructor(
    detail: string,
    readonly position: InfentPosition = {},
    options?: { cause?: unknown },
  ) {
    super(describe(detail, position), options);
  }
}

/** « 2033A/FG », « 2033F/BA ligne 2 », « 2033A (occurrence 2)/FG ». */
export function cellName(position: InfentPosition): string {
  if (position.form === undefined) return '';
  const occurrence = position.formOccurrence ? ` (occurrence ${position.formOccurrence + 1})` : '';
  const code = position.code === undefined ? '' : `/${position.code}`;
  const row = position.valueIndex ? ` ligne ${position.valueIndex + 1}` : '';
  return `${position.form}${occurrence}${code}${row}`;
}

function describe(detail: string, position: InfentPosition): string {
  const where: string[] = [];
  if (position.declaration !== undefined) where.push(`Déclaration ${position.declaration}`);
  if (position.message !== undefined) where.push(`Message ${position.message}`);
  if (position.segment !== undefined) where.push(`segment ${position.segment}`);
  const sentence = detail.endsWith('.') ? detail : `${detail}.`;
  if (where.length === 0) return sentence.charAt(0).toUpperCase() + sentence.slice(1);
  return `${where.join(', ')} : ${sentence}`;
}

/**
 * An EdifactError (syntax, envelope, counts, characters) as an InfentError, keeping its position
 * in the file; anything else is returned unchanged.
 */
export function fromEdifactError(error: unknown, position: InfentPosition = {}): unknown {
  if (!(error instanceof EdifactError)) return error;
  return new InfentError(
    `fichier EDIFACT invalide — ${error.message}`,
    {
      ...position,
      ...(error.segment !== undefined ? { interchangeSegment: error.segment } : {}),
      ...(error.offset !== undefined ? { offset: error.offset } : {}),
      ...(error.tag !== undefined ? { tag: error.tag } : {}),
    },
    { cause: error },
  );
}

/**
 * A problem with one datum, raised by a DatumRenderer: `at` is the index of the offending
 * segment in the list given to `parse` (0 when rendering). The writer and reader turn it into
 * an InfentError with the message, segment, form and cell.
 */
export class DatumError extends Error {
  override readonly name = 'DatumError';

  constructor(
    readonly detail: string,
    readonly at = 0,
    readonly place: Pick<InfentPosition, 'form' | 'code' | 'formOccurrence' | 'valueIndex'> = {},
  ) {
    super(detail);
  }
}
