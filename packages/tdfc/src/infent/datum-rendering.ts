// How one datum (a value of a cell) becomes segments of the INFENT-DF message, and back. The
// real rendering is in Volume IV, which we could not read (edi-tdfc.md §2.9 [G]): it is one
// pluggable object. The default follows the prototype S10, each datum being
//   SEQ+<n>'                         n = 1, 2, 3… in the message
//   IND+<key of 25 characters>'      form padded to 10, millésime 2, form occurrence 4 and data
//                                    occurrence 4 (both from 1), code 2, segment 3
//   <value segment, qualifier ZZZ>'  see datum-values.ts
// e.g. `SEQ+12'IND+2033A     2500010001FGMOA'MOA+ZZZ:17000'`.
import { getComponent, type Segment, type ServiceChars } from '@passerelle/edifact';
import type { DeclaredValue } from '../cells';
import type { CellDefinition } from '../dictionary/types';
import type { CellValue } from '../model';
import { DatumError } from './infent-error';
import { parseValue } from './datum-value-parse';
import { renderValue } from './datum-values';

/** What identifies a datum (the dictionary key plus the occurrences), 0-based occurrences. */
export interface DatumKey {
  formId: string;
  millesime: string;
  formOccurrence: number;
  valueIndex: number;
  code: string;
  /** The segment tag the key announces (`MOA`…), checked against the dictionary. */
  segment: string;
}

/** A datum read back: where it goes in the declaration, and its value. */
export interface ParsedDatum extends Omit<DatumKey, 'segment'> {
  value: CellValue;
}

export interface RenderContext {
  /** 1-based number of the datum in its message. */
  sequence: number;
  /** The interchange's service characters (decimal mark). */
  chars: ServiceChars;
}

export interface ParseContext {
  chars: ServiceChars;
  /**
   * The dictionary entry of a key, checked by the reader (known millésime, form and code, same
   * segment); throws DatumError otherwise. `at` is the index of the segment holding the key.
   */
  resolve(key: DatumKey, at: number): CellDefinition;
}

/** The pluggable rendering of a datum. */
export interface DatumRenderer {
  /** Tag of the segment each datum starts with: the message header ends at the first one. */
  readonly firstTag: string;
  /** The datum's segments; throws DatumError when the value cannot be written. */
  render(value: DeclaredValue, context: RenderContext): Segment[];
  /**
   * Reads the datum starting at `segments[start]`: returns it and the index of the next datum.
   * Throws DatumError (with `at` the offending segment's index) when anything is wrong.
   */
  parse(
    segments: readonly Segment[],
    start: number,
    context: ParseContext,
  ): { datum: ParsedDatum; next: number };
}

const KEY_LENGTH = 25;
const KEY = /^(.{10})(\d{2})(\d{4})(\d{4})([A-Z0-9]{2})([A-Z]{3})$/;

/** The 25-character IND key; throws DatumError when a part does not fit its width. */
export function formatDatumKey(key: DatumKey): string {
  const { formId, millesime, formOccurrence, valueIndex, code, segment } = key;
  return keyText(formId, millesime, formOccurrence, valueIndex, code, segment);
}

const occurrenceText = (n: number): string => String(n + 1).padStart(4, '0');

function keyText(
  formId: string,
  millesime: string,
  formOccurrence: number,
  valueIndex: number,
  code: string,
  segment: string,
): string {
  const text =
    formId.padEnd(10) +
    millesime +
    occurrenceText(formOccurrence) +
    occurrenceText(valueIndex) +
    code +
    segment;
  if (text.length !== KEY_LENGTH || !KEY.test(text) || formId.trim() !== formId)
    throw new DatumError(`clé de donnée « ${text} » impossible à écrire sur 25 caractères`);
  return text;
}

/** Reads an IND key, or undefined when it does not follow the layout. */
export function parseDatumKey(text: string): DatumKey | undefined {
  const match = KEY.exec(text);
  if (!match) return undefined;
  const [, form = '', millesime = '', formOcc = '', dataOcc = '', code = '', segment = ''] = match;
  const formId = form.trimEnd();
  if (formId === '' || /\s/.test(formId) || formOcc === '0000' || dataOcc === '0000')
    return undefined;
  return {
    formId,
    millesime,
    formOccurrence: Number(formOcc) - 1,
    valueIndex: Number(dataOcc) - 1,
    code,
    segment,
  };
}

/**
 * The default renderer (§2.9). `qualifier` gives the value segment's qualifier: `ZZZ` by default;
 * `(cell) => cell.qualifier ?? 'ZZZ'` writes the dictionary's (DT, RE, NA…) instead. On reading,
 * either `ZZZ` or the cell's dictionary qualifier is accepted.
 */
export function createDatumRenderer(
  qualifier: (cell: CellDefinition) => string = () => 'ZZZ',
): DatumRenderer {
  return {
    firstTag: 'SEQ',
    render(value, { sequence, chars }) {
      const { cell } = value;
      const key = keyText(
        value.formId,
        cell.millesime,
        value.formOccurrence,
        value.valueIndex,
        value.code,
        cell.segment,
      );
      return [
        { tag: 'SEQ', elements: [String(sequence)] },
        { tag: 'IND', elements: [key] },
        ...renderValue(cell, value.value, qualifier(cell), chars),
      ];
    },
    parse: parseDatum,
  };
}

const SEQUENCE = /^[1-9]\d{0,8}$/;
const placeOf = ({ formId, code, formOccurrence, valueIndex }: DatumKey) => ({
  form: formId,
  code,
  formOccurrence,
  valueIndex,
});

/** DatumRenderer.parse of the default rendering. */
function parseDatum(
  segments: readonly Segment[],
  start: number,
  { chars, resolve }: ParseContext,
): { datum: ParsedDatum; next: number } {
  const seq = segments[start];
  if (seq?.tag !== 'SEQ' || !SEQUENCE.test(getComponent(seq, 1)) || seq.elements.length > 1)
    throw new DatumError(`segment SEQ+<numéro> attendu (trouvé ${describe(seq)})`, start);
  const ind = segments[start + 1];
  const text = ind?.tag === 'IND' && ind.elements.length === 1 ? getComponent(ind, 1) : '';
  const key = parseDatumKey(text);
  if (!ind || !key || typeof ind.elements[0] !== 'string') {
    const found = ind?.tag === 'IND' ? `« ${text} »` : describe(ind);
    throw new DatumError(
      `segment IND+<clé de 25 caractères : formulaire, millésime, occurrences, code, segment> attendu (trouvé ${found})`,
      start + 1,
    );
  }
  const cell = resolve(key, start + 1);
  const at = start + 2;
  const value = segments[at];
  if (value?.tag !== cell.segment)
    throw new DatumError(
      `segment ${cell.segment} attendu (trouvé ${describe(value)})`,
      at,
      placeOf(key),
    );
  const found = getComponent(value, 1);
  if (found !== 'ZZZ' && found !== cell.qualifier)
    throw new DatumError(`qualifiant « ${found} » inattendu (ZZZ attendu)`, at, placeOf(key));
  try {
    const parsed = parseValue(segments, at, cell, chars);
    const { formId, millesime, formOccurrence, valueIndex, code } = key;
    const datum = { formId, millesime, formOccurrence, valueIndex, code, value: parsed.value };
    return { datum, next: parsed.next };
  } catch (error) {
    if (!(error instanceof DatumError)) throw error;
    throw new DatumError(error.detail, error.at, placeOf(key));
  }
}

function describe(segment: Segment | undefined): string {
  return segment ? segment.tag : 'la fin du message';
}

/** The default rendering: qualifier ZZZ everywhere. */
export const DEFAULT_DATUM_RENDERER: DatumRenderer = createDatumRenderer();
