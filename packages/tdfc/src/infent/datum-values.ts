// The value segment of one datum in the default rendering (edi-tdfc.md §2.9 [G]), qualifier
// first, the value where the dictionary's component table (§2.6) puts it:
//   MOA+ZZZ:1500'            C516 5025:5004, amount with the UNA decimal mark, no thousands
//   QTY+ZZZ:2,5'             C186 6063:6060        PCD+ZZZ:60'   C501 5245:5482
//   CCI+ZZZ++X'              7059, C502 empty, value in element 3 (dictionary: C889 7111)
//   DTM+ZZZ:20241231:102'    C507 2005:2380:2379 (602 CCYY, 801/802 a count, 718 CCYYMMDD-CCYYMMDD)
//   FTX+ZZZ+++line1:line2'   4451, 4453, C107 empty, C108 4440 ×5 (one component per line)
//   RFF+ZZZ:IS1'  CUX+ZZZ:EUR'   C506 1153:1154, C504 6347:6345
//   CPT+ZZZ+512000'          4437, C593 1147
//   NAD+ZZZ+<id>:100:107++<name>:<name2>:<name3>+<street>:<compl.>:<lieu-dit>+<city>++<cp>+<country>'
//   COM+<phone>:TE'          after the NAD, only when the NAD value has a phone (C076 3148:3155)
import { formatDecimal, type Element, type Segment, type ServiceChars } from '@passerelle/edifact';
import type { CellDefinition, DateFormat } from '../dictionary/types';
import { isNadValue, type CellValue, type NadValue } from '../model';
import { DatumError } from './infent-error';
import { NAD_KEYS, nadSegment } from './nad-segment';

const FTX_LINES = 5;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_RANGE = /^(\d{4})-(\d{2})-(\d{2})\/(\d{4})-(\d{2})-(\d{2})$/;

const shown = (value: unknown): string =>
  typeof value === 'string'
    ? `« ${value} »`
    : typeof value === 'object'
      ? 'un objet'
      : String(value);

function text(value: CellValue): string {
  if (typeof value !== 'string' || value === '')
    throw new DatumError(`texte non vide attendu, valeur reçue : ${shown(value)}`);
  return value;
}

function dateText(value: CellValue, format: DateFormat): string {
  if (format === '102' || format === '718') {
    const match =
      typeof value === 'string' && (format === '102' ? ISO_DATE : ISO_RANGE).exec(value);
    if (!match) {
      const expected = format === '102' ? 'AAAA-MM-JJ' : 'AAAA-MM-JJ/AAAA-MM-JJ';
      throw new DatumError(`date ${expected} attendue, valeur reçue : ${shown(value)}`);
    }
    const [, y1, m1, d1, y2, m2, d2] = match;
    return format === '102' ? `${y1}${m1}${d1}` : `${y1}${m1}${d1}-${y2}${m2}${d2}`;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new DatumError(
      `entier positif attendu (format ${format}), valeur reçue : ${shown(value)}`,
    );
  return String(value);
}

function nadValue(value: CellValue): NadValue {
  if (!isNadValue(value) || Array.isArray(value))
    throw new DatumError(`nom et adresse (objet) attendus, valeur reçue : ${shown(value)}`);
  for (const [key, component] of Object.entries(value)) {
    if (!(NAD_KEYS as readonly string[]).includes(key) && key !== 'phone')
      throw new DatumError(`composant d’adresse inconnu « ${key} »`);
    if (typeof component !== 'string' || component === '')
      throw new DatumError(`composant « ${key} » : texte non vide attendu`);
  }
  return value;
}

/** One segment in a list. */
function one(tag: string, ...elements: Element[]): Segment[] {
  return [{ tag, elements }];
}

/** The value segment(s) of a datum of `cell`. Throws DatumError when the value cannot be written. */
export function renderValue(
  cell: CellDefinition,
  value: CellValue,
  qualifier: string,
  chars: ServiceChars,
): Segment[] {
  const tag = cell.segment;
  switch (tag) {
    case 'MOA':
    case 'QTY':
    case 'PCD':
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new DatumError(`nombre attendu, valeur reçue : ${shown(value)}`);
      // Integers, the usual case, need no RegExp (formatDecimal builds one per call).
      return one(tag, [
        qualifier,
        Number.isSafeInteger(value) ? String(value) : formatDecimal(value, chars),
      ]);
    case 'CCI':
      return one(tag, qualifier, '', text(value));
    case 'RFF':
    case 'CUX':
      return one(tag, [qualifier, text(value)]);
    case 'CPT':
      return one(tag, qualifier, text(value));
    case 'FTX': {
      const lines = text(value).split('\n');
      if (lines.length > FTX_LINES)
        throw new DatumError(`texte de ${lines.length} lignes (${FTX_LINES} au plus)`);
      return one(tag, qualifier, '', '', lines.length > 1 ? lines : text(value));
    }
    case 'DTM': {
      const format = cell.dateFormat ?? '102';
      return one(tag, [qualifier, dateText(value, format), format]);
    }
    case 'NAD': {
      const nad = nadValue(value);
      const segments = [nadSegment(qualifier, nad, ['100', '107'])];
      if (nad.phone !== undefined) segments.push({ tag: 'COM', elements: [[nad.phone, 'TE']] });
      return segments;
    }
  }
}
