// One INFENT-DF message → one Declaration: the header facts, then every datum through the
// DatumRenderer, each checked against the dictionary (known millésime, form and code, same
// segment, not given twice). Shared by the whole-file and the streaming reader.
import type { Message, PositionedSegment } from '@passerelle/edifact';
import type { CellDefinition, TdfcDictionary } from '../dictionary/types';
import { IDENTIF } from '../identification';
import {
  IDENTIFICATION_FORM,
  isNadValue,
  type CellValue,
  type Declaration,
  type FormOccurrence,
} from '../model';
import type { DatumKey, DatumRenderer } from './datum-rendering';
import type { InfentProfile } from './envelope-config';
import { DatumError, InfentError, cellName, type InfentPosition } from './infent-error';
import { readHeader, type InfentMessageFacts } from './message-header';

type Place = Pick<InfentPosition, 'form' | 'code' | 'formOccurrence' | 'valueIndex'>;
const placeOf = ({ formId, code, formOccurrence, valueIndex }: DatumKey): Place => ({
  form: formId,
  code,
  formOccurrence,
  valueIndex,
});

/** form → occurrence → code → the cell and its rows (row → value). */
type Collected = Map<
  string,
  Map<number, Map<string, { cell: CellDefinition; rows: Map<number, CellValue> }>>
>;

/**
 * Reads message number `number` (1-based, in the interchange). Throws InfentError with the
 * message, the segment in the message (UNH = 1) and the cell when anything is wrong.
 */
export function readInfentMessage(
  dictionary: TdfcDictionary,
  message: Message,
  number: number,
  profile: InfentProfile,
  renderer: DatumRenderer,
): { declaration: Declaration; facts: InfentMessageFacts } {
  const { segments } = message;
  const fail = (at: number, key: DatumKey, detail: string): InfentError =>
    failAt(detail, at, placeOf(key));
  const failAt = (detail: string, at: number, place: Place = {}): InfentError => {
    const segment: PositionedSegment = segments[at] ?? message.trailer;
    return new InfentError(detail, {
      message: number,
      segment: at + 2,
      interchangeSegment: segment.index,
      offset: segment.offset,
      tag: segment.tag,
      ...place,
    });
  };
  /** A problem of the whole message (no one segment to blame): placed on its UNH. */
  const failMessage = (detail: string): InfentError =>
    new InfentError(detail, {
      message: number,
      interchangeSegment: message.header.index,
      offset: message.header.offset,
      tag: 'UNH',
    });
  let millesime: string | undefined;
  /** The cell of the last key resolved (the datum being read). */
  let resolved: CellDefinition | undefined;
  const resolve = (key: DatumKey, at: number): CellDefinition => {
    const { formId, code } = key;
    const m = key.millesime;
    if (m !== millesime) {
      if (!dictionary.millesimes.includes(m))
        throw fail(at, key, `millésime ${m} inconnu de la campagne ${dictionary.campaign}`);
      if (millesime !== undefined)
        throw fail(
          at,
          key,
          `millésime ${m} différent de celui des données précédentes (${millesime})`,
        );
      millesime = m;
    }
    const cell = dictionary.cell(m, formId, code);
    if (!cell) {
      if (!dictionary.form(m, formId))
        throw fail(at, key, `formulaire ${formId} inconnu du millésime ${m}`);
      throw fail(at, key, `case ${formId}/${code} inconnue du millésime ${m}`);
    }
    if (cell.segment !== key.segment) {
      const detail = `segment ${key.segment} annoncé, le dictionnaire attend ${cell.segment}`;
      throw fail(at, key, `case ${formId}/${code} : ${detail}`);
    }
    resolved = cell;
    return cell;
  };
  const context = { chars: profile.serviceChars, resolve };

  const collected: Collected = new Map();
  let facts: InfentMessageFacts;
  let at: number;
  try {
    const header = readHeader(message, profile, renderer.firstTag);
    facts = header.facts;
    at = header.dataStart;
    while (at < segments.length) {
      const { datum, next } = renderer.parse(segments, at, context);
      const { formId, formOccurrence, code, valueIndex } = datum;
      let occurrences = collected.get(formId);
      if (!occurrences) collected.set(formId, (occurrences = new Map()));
      let cells = occurrences.get(formOccurrence);
      if (!cells) occurrences.set(formOccurrence, (cells = new Map()));
      let entry = cells.get(code);
      if (!entry) {
        const cell = resolved?.code === code && resolved.form === formId ? resolved : undefined;
        entry = {
          cell: cell ?? (dictionary.cell(datum.millesime, formId, code) as CellDefinition),
          rows: new Map(),
        };
        cells.set(code, entry);
      }
      if (entry.rows.has(valueIndex)) {
        const place = { form: formId, code, formOccurrence, valueIndex };
        throw failAt(`case ${cellName(place)} donnée deux fois`, at + 1, place);
      }
      entry.rows.set(valueIndex, datum.value);
      at = next;
    }
  } catch (error) {
    if (!(error instanceof DatumError)) throw error;
    const prefix = error.place.form === undefined ? '' : `case ${cellName(error.place)} : `;
    throw failAt(prefix + error.detail, error.at, error.place);
  }
  if (millesime === undefined) throw failMessage('message sans aucune donnée de formulaire');
  const forms = assemble(collected);
  const identification = forms[IDENTIFICATION_FORM]?.[0] ?? {};
  const aa = identification[IDENTIF.declarant];
  const siren =
    facts.declarant?.id ?? (aa && !Array.isArray(aa) && isNadValue(aa) ? aa.id : undefined);
  if (siren === undefined) throw failMessage('SIREN du déclarant absent (NAD+DT et F-IDENTIF AA)');
  const start = identification[IDENTIF.start];
  const end = identification[IDENTIF.end];
  if (typeof start !== 'string' || typeof end !== 'string')
    throw failMessage('dates de l’exercice absentes (F-IDENTIF CA et CB)');
  return { declaration: { millesime, siren, exercise: { start, end }, forms }, facts };
}

/**
 * The forms of the collected data, in the model's canonical shape: occurrences without data are
 * empty objects; a repeatable cell is a list as long as the longest repeatable cell of its form
 * occurrence (missing rows null); another cell is its value (a list only if given several rows).
 */
function assemble(collected: Collected): Record<string, FormOccurrence[]> {
  const forms: Record<string, FormOccurrence[]> = {};
  for (const [formId, occurrences] of collected) {
    const list: FormOccurrence[] = Array.from(
      { length: Math.max(...occurrences.keys()) + 1 },
      () => ({}),
    );
    for (const [occurrence, cells] of occurrences) {
      const target = list[occurrence] as FormOccurrence;
      const lengthOf = (rows: Map<number, CellValue>): number => Math.max(...rows.keys()) + 1;
      let tableRows = 0;
      for (const { cell, rows } of cells.values())
        if (cell.repeatable) tableRows = Math.max(tableRows, lengthOf(rows));
      for (const [code, { cell, rows }] of cells) {
        const length = cell.repeatable ? tableRows : lengthOf(rows);
        target[code] =
          !cell.repeatable && length === 1
            ? (rows.get(0) as CellValue)
            : Array.from({ length }, (_, row) => rows.get(row) ?? null);
      }
    }
    forms[formId] = list;
  }
  return forms;
}
