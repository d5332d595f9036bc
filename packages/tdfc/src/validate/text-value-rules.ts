// Checks of text-like values (FTX, RFF, CPT, CUX, NAD): type, sizes (TEXT_LIMITS) and the
// ISO-8859-15 character set of the interchange.
import type { CellDefinition } from '../dictionary/types';
import { TEXT_LIMITS, isNadValue, type CellValue, type NadValue } from '../model';
import { describeCharacter, firstUnsendableCharacter, formatNumber } from '../text';
import { error, type Finding } from './anomaly';
import { checkNadIdentifier } from './identifier-rules';

/** A received value as quoted in messages. */
export function describeValue(value: CellValue | null): string {
  if (value === null) return 'vide';
  if (typeof value === 'number') return `${formatNumber(value)} (nombre)`;
  if (typeof value === 'string')
    return `« ${value.length > 40 ? value.slice(0, 40) + '…' : value} » (texte)`;
  return 'un objet';
}

/** NAD components and their maximum length. */
const NAD_LIMITS: Readonly<Record<keyof NadValue, number>> = {
  id: TEXT_LIMITS.nadId,
  name: TEXT_LIMITS.nadLine,
  name2: TEXT_LIMITS.nadLine,
  name3: TEXT_LIMITS.nadLine,
  street: TEXT_LIMITS.nadLine,
  complement: TEXT_LIMITS.nadLine,
  locality: TEXT_LIMITS.nadLine,
  city: TEXT_LIMITS.nadLine,
  postcode: TEXT_LIMITS.postcode,
  country: TEXT_LIMITS.country,
  phone: TEXT_LIMITS.phone,
};

/** Findings on a FTX, RFF, CPT, CUX or NAD value. */
export function checkTextValue(cell: CellDefinition, value: CellValue): Finding[] {
  if (cell.segment === 'NAD') return checkNad(value);
  if (typeof value !== 'string') {
    return [error('value.type', `texte attendu, valeur reçue : ${describeValue(value)}.`)];
  }
  if (value.trim() === '') return [error('value.empty', 'texte vide : omettre la case.')];
  switch (cell.segment) {
    case 'FTX':
      return checkFreeText(value);
    case 'CUX':
      return /^[A-Z]{3}$/.test(value)
        ? []
        : [error('value.type', `code devise ISO 4217 attendu (EUR), valeur reçue : « ${value} ».`)];
    default:
      return checkText(value, cell.segment === 'CPT' ? TEXT_LIMITS.cpt : TEXT_LIMITS.rff);
  }
}

/** Length and character set of one line of text. */
function checkText(value: string, maxLength: number, what = 'texte'): Finding[] {
  const findings: Finding[] = [];
  if ([...value].length > maxLength) {
    findings.push(
      error(
        'value.too-long',
        `${what} trop long (${[...value].length} caractères, ${maxLength} au plus).`,
      ),
    );
  }
  const bad = firstUnsendableCharacter(value);
  if (bad) {
    findings.push(
      error(
        'value.charset',
        `${what} : caractère ${describeCharacter(bad)} hors du jeu ISO-8859-15.`,
      ),
    );
  }
  return findings;
}

function checkFreeText(value: string): Finding[] {
  const lines = value.split('\n');
  if (lines.length > TEXT_LIMITS.ftxLines) {
    return [
      error('value.too-long', `texte de ${lines.length} lignes (${TEXT_LIMITS.ftxLines} au plus).`),
    ];
  }
  return lines.flatMap((line, index) =>
    checkText(
      line,
      TEXT_LIMITS.ftxLineLength,
      lines.length > 1 ? `ligne ${index + 1} du texte` : 'texte',
    ),
  );
}

function checkNad(value: CellValue): Finding[] {
  if (!isNadValue(value) || Array.isArray(value)) {
    return [
      error(
        'value.type',
        `nom et adresse (objet) attendus, valeur reçue : ${describeValue(value)}.`,
      ),
    ];
  }
  const findings: Finding[] = [];
  const entries = Object.entries(value);
  if (entries.length === 0)
    findings.push(error('value.empty', 'nom et adresse vides : omettre la case.'));
  for (const [key, component] of entries) {
    const limit = (NAD_LIMITS as Readonly<Record<string, number>>)[key];
    if (limit === undefined) {
      findings.push(error('value.type', `composant d'adresse inconnu « ${key} ».`));
    } else if (typeof component !== 'string' || component.trim() === '') {
      findings.push(error('value.type', `composant « ${key} » : texte non vide attendu.`));
    } else {
      findings.push(...checkText(component, limit, `composant « ${key} »`));
    }
  }
  if (typeof value.id === 'string' && value.id.trim() !== '')
    findings.push(...checkNadIdentifier(value.id));
  return findings;
}
