// INFENT CR, the DGFiP's "compte rendu de traitement": one CR message per INFENT-DF message of
// the deposited interchange. Its semantics are [C] (edi-tdfc.md §4.2: acceptation, rejet partiel,
// rejet total, with error lines), its layout is our own [G], in INFENT segments where one fits:
//   UNH+00001+INFENT:D:00B:UN:CR2501'
//   BGM+CRT:71:211+<original BGM document number>++<ACC|RJP|RJT>'   4343 = status of the deposit
//   DTM+137:<processing date CCYYMMDD>:102'
//   RFF+ACW:<original UNB 0020>:<original UNH 0062>'                 the message reported on
//   NAD+DT+<SIREN>:100:107'                                          when read
//   DTM+194:<exercise start>:102'  DTM+206:<exercise end>:102'       when read
//   then per error line n:
//   SEQ+<n>'  ERC+<code>:<REJET|ALERTE>'
//   RFF+ZZZ:<form>:<occurrence from 1>'                              when in a form
//   FTX+ACB++<cell code>+<label, 5 × 512 characters>'                when about a cell
//   FTX+AAO+++<French message, 5 × 512 characters>+FR'
//   UNT'
// readInfentCr(writeInfentCr(e, reports)) gives back exactly the normalised reports.
import { getComponent, type MessageInput, type Segment } from '@passerelle/edifact';
import { InfentError } from '../infent/infent-error';
import {
  TEXT_PART_LENGTH,
  normalizeReturnError,
  toReturnText,
  type ReturnError,
} from './return-error';
import {
  componentList,
  parisDate,
  readReturnsInterchange,
  writeReturnsInterchange,
  type ReturnsEnvelope,
  type ReturnsEnvelopeFacts,
} from './returns-envelope';

/** Status of a deposit (one INFENT-DF message): accepted, partially rejected, rejected. */
export type CrStatus = 'ACC' | 'RJP' | 'RJT';
export type CrOutcome = 'accepted' | 'partially_rejected' | 'rejected';
export const CR_OUTCOMES: Readonly<Record<CrStatus, CrOutcome>> = {
  ACC: 'accepted',
  RJP: 'partially_rejected',
  RJT: 'rejected',
};

/** [G] values of the CR layout (edi-tdfc.md §4.2, §7 point 4). */
export const INFENT_CR_PROFILE = {
  type: ['INFENT', 'D', '00B', 'UN', 'CR2501'],
  /** BGM C002: "compte rendu de traitement", same list and agency as `IDF:71:211`. */
  documentCode: ['CRT', '71', '211'],
  processingDate: '137',
  originalReference: 'ACW',
  declarant: 'DT',
  idQualifiers: ['100', '107'],
  exerciseStart: '194',
  exerciseEnd: '206',
  place: 'ZZZ',
  label: 'ACB',
  message: 'AAO',
  language: 'FR',
  severities: { rejet: 'REJET', alerte: 'ALERTE' },
} as const;
const P = INFENT_CR_PROFILE;

/** What a CR says about one deposited INFENT-DF message. */
export interface InfentCrReport {
  status: CrStatus;
  /** BGM 1004 of the original message, null when it could not be read. */
  documentReference: string | null;
  /** UNB 0020 and UNH 0062 of the original message. */
  original: { interchange: string; message: string };
  siren: string | null;
  /** ISO dates (`2024-12-31`), null when not read. */
  exercise: { start: string | null; end: string | null };
  /** Error lines, level `integrability`, in order. */
  errors: ReturnError[];
}

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

/** ACC when every report is, RJT when every report is, RJP otherwise (RJT for none). */
export function overallStatus(statuses: readonly CrStatus[]): CrStatus {
  if (statuses.length === 0) return 'RJT';
  if (statuses.every((s) => s === 'ACC')) return 'ACC';
  if (statuses.every((s) => s === 'RJT')) return 'RJT';
  return 'RJP';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoOrNull = (value: string | null): string | null =>
  value !== null && ISO_DATE.test(value) ? value : null;
const text35 = (value: string | null): string | null => {
  if (value === null) return null;
  const text = toReturnText(value, 35);
  return text === '' ? null : text;
};

/** A report as a CR carries it: sendable texts, ISO dates or null, integrability errors. */
export function normalizeCrReport(report: InfentCrReport): InfentCrReport {
  return {
    status: report.status,
    documentReference: text35(report.documentReference),
    original: {
      interchange: toReturnText(report.original.interchange, 35),
      message: toReturnText(report.original.message, 35),
    },
    siren: text35(report.siren),
    exercise: { start: isoOrNull(report.exercise.start), end: isoOrNull(report.exercise.end) },
    errors: report.errors.map((error) =>
      normalizeReturnError({ ...error, level: 'integrability' }),
    ),
  };
}

/** A text cut in parts of 512 characters (one or more: never an empty part but for ''). */
function parts(text: string): string[] {
  const list: string[] = [];
  for (let at = 0; at < text.length; at += TEXT_PART_LENGTH)
    list.push(text.slice(at, at + TEXT_PART_LENGTH));
  return list.length > 0 ? list : [''];
}

const dtm = (qualifier: string, iso: string): Segment => ({
  tag: 'DTM',
  elements: [[qualifier, iso.replaceAll('-', ''), '102']],
});

function errorSegments(error: ReturnError, line: number): Segment[] {
  const list: Segment[] = [
    { tag: 'SEQ', elements: [String(line)] },
    { tag: 'ERC', elements: [[error.code, P.severities[error.severity]]] },
  ];
  if (error.form !== null || error.occurrence !== null) {
    const occurrence = error.occurrence === null ? '' : String(error.occurrence);
    list.push({ tag: 'RFF', elements: [[P.place, error.form ?? '', occurrence]] });
  }
  if (error.cell !== null || error.label !== null) {
    const label = error.label === null ? '' : parts(error.label);
    list.push({ tag: 'FTX', elements: [P.label, '', error.cell ?? '', label] });
  }
  list.push({ tag: 'FTX', elements: [P.message, '', '', parts(error.message), P.language] });
  return list;
}

function reportMessage(report: InfentCrReport, index: number, processedOn: string): MessageInput {
  const segments: Segment[] = [
    {
      tag: 'BGM',
      elements: [[...P.documentCode], report.documentReference ?? '', '', report.status],
    },
    { tag: 'DTM', elements: [[P.processingDate, processedOn, '102']] },
    {
      tag: 'RFF',
      elements: [[P.originalReference, report.original.interchange, report.original.message]],
    },
  ];
  if (report.siren !== null)
    segments.push({ tag: 'NAD', elements: [P.declarant, [report.siren, ...P.idQualifiers]] });
  if (report.exercise.start !== null) segments.push(dtm(P.exerciseStart, report.exercise.start));
  if (report.exercise.end !== null) segments.push(dtm(P.exerciseEnd, report.exercise.end));
  report.errors.forEach((error, n) => segments.push(...errorSegments(error, n + 1)));
  return {
    reference: String(index + 1).padStart(5, '0'),
    type: [...P.type],
    segments,
  };
}

/**
 * Writes an INFENT CR interchange, one CR message per report, and returns its text. Reports
 * are normalised first (normalizeCrReport): what readInfentCr gives back.
 */
export function writeInfentCr(
  envelope: ReturnsEnvelope,
  reports: readonly InfentCrReport[],
): string {
  const processedOn = parisDate(envelope.preparedAt);
  const messages = reports.map((report, index) =>
    reportMessage(normalizeCrReport(report), index, processedOn),
  );
  return writeReturnsInterchange(envelope, messages);
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
