// Checks of one value against its cell's dictionary entry: type by segment, sign, whole euros,
// table membership and dates. Text segments are in text-value-rules.ts.
import type { CellDefinition, TdfcDictionary } from '../dictionary/types';
import { isIsoDate } from '../exercise';
import type { CellValue } from '../model';
import { formatNumber } from '../text';
import { error, warning, type Finding } from './anomaly';
import { checkTextValue, describeValue } from './text-value-rules';

/** `expected` says what was expected, agreed in gender: « montant attendu ». */
const wrongType = (expected: string, value: CellValue): Finding =>
  error('value.type', `${expected}, valeur reçue : ${describeValue(value)}.`);

/** Every finding on one value of a cell. */
export function checkValue(
  dictionary: TdfcDictionary,
  cell: CellDefinition,
  value: CellValue,
): Finding[] {
  switch (cell.segment) {
    case 'MOA':
      return checkAmount(cell, value);
    case 'QTY':
    case 'PCD':
      return checkQuantity(cell, value);
    case 'CCI':
      return checkCoded(dictionary, cell, value);
    case 'DTM':
      return checkDate(cell, value);
    default:
      return checkTextValue(cell, value);
  }
}

function checkAmount(cell: CellDefinition, value: CellValue): Finding[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [wrongType("montant attendu (nombre entier d'euros)", value)];
  }
  const findings: Finding[] = [];
  if (!Number.isInteger(value)) {
    findings.push(
      error(
        'amount.not-integer',
        `montant non entier (${formatNumber(value)}) : les montants se déclarent en euros entiers.`,
      ),
    );
  } else if (!Number.isSafeInteger(value)) {
    findings.push(error('value.type', `montant hors limites (${formatNumber(value)}).`));
  }
  if (value < 0 && !cell.signed) {
    findings.push(
      error(
        'value.negative',
        `montant négatif (${formatNumber(value)}) : cette case n'admet pas de montant négatif.`,
      ),
    );
  }
  return findings;
}

function checkQuantity(cell: CellDefinition, value: CellValue): Finding[] {
  const percentage = cell.segment === 'PCD';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [wrongType(percentage ? 'pourcentage attendu' : 'quantité attendue', value)];
  }
  if (value < 0) {
    const what = percentage ? 'pourcentage négatif' : 'quantité négative';
    return [error('value.negative', `${what} (${formatNumber(value)}) : non admis.`)];
  }
  if (cell.segment === 'PCD' && value > 100) {
    return [warning('value.range', `pourcentage supérieur à 100 (${formatNumber(value)}).`)];
  }
  return [];
}

function checkCoded(dictionary: TdfcDictionary, cell: CellDefinition, value: CellValue): Finding[] {
  if (typeof value !== 'string')
    return [wrongType(`code de la table ${cell.table} attendu`, value)];
  const table = cell.table ? dictionary.table(cell.table) : undefined;
  // T1N and TFJ are referenced by the data table but not published: their values go unchecked.
  if (!table || table.values.has(value)) return [];
  const allowed = [...table.values.keys()];
  const list =
    allowed.length <= 10
      ? ` (valeurs admises : ${allowed.join(', ')})`
      : ` (${allowed.length} valeurs)`;
  return [error('value.table', `valeur « ${value} » absente de la table ${table.name}${list}.`)];
}

function checkDate(cell: CellDefinition, value: CellValue): Finding[] {
  switch (cell.dateFormat) {
    case '602':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2999
        ? []
        : [wrongDate('année attendue (AAAA, format 602)', value)];
    case '801':
    case '802': {
      const unit = cell.dateFormat === '801' ? "d'années" : 'de mois';
      return typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? []
        : [wrongDate(`nombre ${unit} attendu (format ${cell.dateFormat})`, value)];
    }
    case '718': {
      const [start, end, extra] = typeof value === 'string' ? value.split('/') : [];
      return start &&
        end &&
        extra === undefined &&
        isIsoDate(start) &&
        isIsoDate(end) &&
        start <= end
        ? []
        : [wrongDate('période AAAA-MM-JJ/AAAA-MM-JJ attendue (format 718)', value)];
    }
    default:
      return typeof value === 'string' && isIsoDate(value)
        ? []
        : [wrongDate('date existante attendue (AAAA-MM-JJ, format 102)', value)];
  }
}

const wrongDate = (expected: string, value: CellValue): Finding =>
  typeof value === 'object'
    ? wrongType(expected, value)
    : error('value.date', `${expected}, valeur reçue : ${describeValue(value)}.`);
