// Reading back the value segment of one datum (the layout is documented in datum-values.ts):
// the shape is checked (nothing outside the documented places, no repetition), then the value
// is read as its cell's segment and date format require. Errors are DatumError at the segment.
import {
  componentsOf,
  getComponent,
  isRepetitions,
  parseDecimal,
  type Element,
  type Segment,
  type ServiceChars,
} from '@passerelle/edifact';
import type { CellDefinition } from '../dictionary/types';
import type { CellValue, NadValue } from '../model';
import { DatumError } from './infent-error';
import { NAD_SHAPE, readNad } from './nad-segment';

/** Maximum components of each element of a value segment (0: must stay empty). */
const SHAPES: Readonly<Record<string, readonly number[]>> = {
  MOA: [2],
  QTY: [2],
  PCD: [2],
  RFF: [2],
  CUX: [2],
  CCI: [1, 0, 1],
  CPT: [1, 1],
  FTX: [1, 0, 0, 5],
  DTM: [3],
  NAD: NAD_SHAPE,
  COM: [2],
};
const NUMBER_NAMES: Readonly<Record<string, string>> = {
  MOA: 'montant',
  QTY: 'quantité',
  PCD: 'pourcentage',
};

/** Refuses repeated elements and anything outside the documented places. */
function checkShape(segment: Segment, at: number): void {
  const shape = SHAPES[segment.tag] ?? [];
  const { elements } = segment;
  for (let e = 0; e < elements.length; e += 1) {
    const element = elements[e] as Element;
    if (isRepetitions(element)) throw new DatumError(`élément ${e + 1} répété`, at);
    const components = componentsOf(element);
    for (let c = shape[e] ?? 0; c < components.length; c += 1) {
      const found = components[c];
      if (!found) continue;
      const where = components.length > 1 ? `, composant ${c + 1}` : '';
      throw new DatumError(`donnée inattendue « ${found} » (élément ${e + 1}${where})`, at);
    }
  }
}

function present(value: string, at: number, what = 'valeur'): string {
  if (value === '') throw new DatumError(`${what} absente`, at);
  return value;
}

const DATE = /^\d{8}$/;
const INTEGER = /^-?\d{1,15}$/;

/** A number written with the declared decimal mark (integers, the usual case, without a RegExp). */
function parseNumber(segment: Segment, at: number, chars: ServiceChars): number {
  const written = present(getComponent(segment, 1, 2), at);
  if (INTEGER.test(written)) return Number(written);
  try {
    return parseDecimal(written, chars);
  } catch {
    const what = NUMBER_NAMES[segment.tag] ?? 'nombre';
    const detail = `chiffres, signe moins en tête, marque décimale « ${chars.decimal} »`;
    throw new DatumError(`${what} invalide « ${written} » (nombre attendu : ${detail})`, at);
  }
}

/** Reads the value segment at `segments[at]` (and a COM after a NAD); returns it and what follows. */
export function parseValue(
  segments: readonly Segment[],
  at: number,
  cell: CellDefinition,
  chars: ServiceChars,
): { value: CellValue; next: number } {
  const segment = segments[at] as Segment;
  checkShape(segment, at);
  let value: CellValue;
  switch (cell.segment) {
    case 'MOA':
    case 'QTY':
    case 'PCD':
      value = parseNumber(segment, at, chars);
      break;
    case 'CCI':
      value = present(getComponent(segment, 3), at);
      break;
    case 'RFF':
    case 'CUX':
      value = present(getComponent(segment, 1, 2), at);
      break;
    case 'CPT':
      value = present(getComponent(segment, 2), at);
      break;
    case 'FTX': {
      const element = segment.elements[3];
      const lines = element === undefined || isRepetitions(element) ? [] : componentsOf(element);
      value = present(lines.join('\n'), at, 'texte');
      break;
    }
    case 'DTM':
      value = parseDate(getComponent(segment, 1, 2), getComponent(segment, 1, 3), cell, at);
      break;
    case 'NAD':
      return parseNad(segments, at);
  }
  return { value, next: at + 1 };
}

function parseDate(written: string, format: string, cell: CellDefinition, at: number): CellValue {
  const expected = cell.dateFormat ?? '102';
  if (format !== expected)
    throw new DatumError(`format de date « ${format} » reçu, ${expected} attendu`, at);
  if (format === '102' && DATE.test(written))
    return `${written.slice(0, 4)}-${written.slice(4, 6)}-${written.slice(6)}`;
  const [start = '', end = '', extra] = written.split('-');
  if (format === '718' && DATE.test(start) && DATE.test(end) && extra === undefined)
    return `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6)}/${end.slice(0, 4)}-${end.slice(4, 6)}-${end.slice(6)}`;
  if (format !== '102' && format !== '718' && /^\d{1,15}$/.test(written)) return Number(written);
  throw new DatumError(`date « ${written} » illisible au format ${format}`, at);
}

function parseNad(segments: readonly Segment[], at: number): { value: NadValue; next: number } {
  const nad = readNad(segments[at] as Segment);
  const after = segments[at + 1];
  if (after?.tag !== 'COM') return { value: nad, next: at + 1 };
  checkShape(after, at + 1);
  if (getComponent(after, 1, 2) !== 'TE' || getComponent(after, 1) === '')
    throw new DatumError('COM : numéro de téléphone « <numéro>:TE » attendu', at + 1);
  return { value: { ...nad, phone: getComponent(after, 1) }, next: at + 2 };
}
