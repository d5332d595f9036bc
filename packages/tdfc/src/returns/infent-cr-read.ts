// Reading an INFENT CR back (as writeInfentCr writes it: layout in infent-cr.ts), strictly: a
// segment out of place is an InfentError, so what is read is exactly what was written.
import { getComponent, type Segment } from '@passerelle/edifact';
import { InfentError } from '../infent/infent-error';
import {
  CR_OUTCOMES,
  INFENT_CR_PROFILE as P,
  overallStatus,
  type CrOutcome,
  type CrStatus,
  type InfentCrReport,
} from './infent-cr';
import type { ReturnError } from './return-error';
import {
  componentList,
  readReturnsInterchange,
  type ReturnsEnvelopeFacts,
} from './returns-envelope';

/** One CR message as read: the report, its UNH reference and its processing date (ISO). */
export interface InfentCrMessage extends InfentCrReport {
  reference: string;
  processedOn: string;
}

/** A whole CR interchange as read. */
export interface InfentCrRead {
  envelope: ReturnsEnvelopeFacts;
  /** Status of the whole deposit: ACC when all are, RJT when all are, RJP otherwise. */
  status: CrStatus;
  outcome: CrOutcome;
  reports: InfentCrMessage[];
  /** Every error line of every message, in order. */
  errors: ReturnError[];
}

/** Reads a CR's text (as writeInfentCr writes it); throws InfentError when it is not one. */
export function readInfentCr(text: string): InfentCrRead {
  const { envelope, interchange } = readReturnsInterchange(text);
  if (interchange.messages.length === 0) throw new InfentError('compte rendu sans message');
  const reports = interchange.messages.map((message, index) => {
    if (message.type !== P.type[0])
      throw new InfentError(`message de type ${message.type} : ${P.type[0]} attendu`, {
        message: index + 1,
      });
    return readReportMessage(message.reference, message.segments, index + 1);
  });
  const status = overallStatus(reports.map((r) => r.status));
  return {
    envelope,
    status,
    outcome: CR_OUTCOMES[status],
    reports,
    errors: reports.flatMap((r) => r.errors),
  };
}

const STATUSES: readonly string[] = ['ACC', 'RJP', 'RJT'];
const SEVERITY_BY_CODE: Readonly<Record<string, ReturnError['severity']>> = {
  [P.severities.rejet]: 'rejet',
  [P.severities.alerte]: 'alerte',
};

function readReportMessage(
  reference: string,
  segments: readonly Segment[],
  number: number,
): InfentCrMessage {
  let at = 0;
  /** An error on segment `index` of the message body (UNH = 1, so body index 0 is segment 2). */
  const fail = (detail: string, index = at): InfentError =>
    new InfentError(detail, { message: number, segment: index + 2, tag: segments[index]?.tag });
  const take = (tag: string, qualifier?: string): Segment | undefined => {
    const segment = segments[at];
    if (!segment || segment.tag !== tag) return undefined;
    if (qualifier !== undefined && getComponent(segment, 1) !== qualifier) return undefined;
    at += 1;
    return segment;
  };
  const must = (tag: string, qualifier?: string): Segment => {
    const segment = take(tag, qualifier);
    if (!segment) throw fail(`segment ${tag}${qualifier ? `+${qualifier}` : ''} attendu`);
    return segment;
  };
  const date = (segment: Segment | undefined): string | null => {
    if (!segment) return null;
    const match = /^(\d{4})(\d{2})(\d{2})$/.exec(getComponent(segment, 1, 2));
    if (!match || getComponent(segment, 1, 3) !== '102')
      throw fail('date CCYYMMDD (format 102) attendue', at - 1);
    return `${match[1]}-${match[2]}-${match[3]}`;
  };
  const orNull = (value: string): string | null => (value === '' ? null : value);

  const bgm = must('BGM');
  if (getComponent(bgm, 1) !== P.documentCode[0])
    throw fail(`document ${getComponent(bgm, 1)} : ${P.documentCode[0]} attendu`, 0);
  const status = getComponent(bgm, 4);
  if (!STATUSES.includes(status)) throw fail(`statut « ${status} » inconnu`, 0);
  const processedOn = date(must('DTM', P.processingDate)) as string;
  const rff = must('RFF', P.originalReference);
  const nad = take('NAD', P.declarant);
  const start = date(take('DTM', P.exerciseStart));
  const end = date(take('DTM', P.exerciseEnd));
  const errors: ReturnError[] = [];
  while (at < segments.length) {
    const seq = must('SEQ');
    if (getComponent(seq, 1) !== String(errors.length + 1))
      throw fail(`ligne d’erreur ${errors.length + 1} attendue`, at - 1);
    const erc = must('ERC');
    const severity = SEVERITY_BY_CODE[getComponent(erc, 1, 2)];
    if (!severity) throw fail('gravité REJET ou ALERTE attendue', at - 1);
    const place = take('RFF', P.place);
    const occurrenceText = place ? getComponent(place, 1, 3) : '';
    if (occurrenceText !== '' && !/^[1-9]\d{0,8}$/.test(occurrenceText))
      throw fail(`occurrence « ${occurrenceText} » invalide`, at - 1);
    const cell = take('FTX', P.label);
    const message = must('FTX', P.message);
    const joined = (segment: Segment | undefined, element: number): string =>
      segment ? componentList(segment.elements[element - 1]).join('') : '';
    errors.push({
      level: 'integrability',
      severity,
      code: getComponent(erc, 1),
      form: place ? orNull(getComponent(place, 1, 2)) : null,
      cell: cell ? orNull(getComponent(cell, 3)) : null,
      occurrence: occurrenceText === '' ? null : Number(occurrenceText),
      label: orNull(joined(cell, 4)),
      message: joined(message, 4),
    });
  }
  return {
    reference,
    processedOn,
    status: status as CrStatus,
    documentReference: orNull(getComponent(bgm, 2)),
    original: { interchange: getComponent(rff, 1, 2), message: getComponent(rff, 1, 3) },
    siren: nad ? orNull(getComponent(nad, 2)) : null,
    exercise: { start, end },
    errors,
  };
}
