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
import type { MessageInput, Segment } from '@passerelle/edifact';
import {
  TEXT_PART_LENGTH,
  normalizeReturnError,
  toReturnText,
  type ReturnError,
} from './return-error';
import { parisDate, writeReturnsInterchange, type ReturnsEnvelope } from './returns-envelope';

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
