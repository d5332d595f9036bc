// The simulated DGFiP's decision on one deposit (one INFENT-DF interchange whose seal the partner
// has checked, checks 1 and 2): check 3, the EDIFACT syntax, answered by a CONTRL when it fails;
// else check 4, the integrability of every declaration, answered by an INFENT CR (edi-tdfc.md
// §1.4, §4, §5). Whatever the bytes, an outcome comes back: nothing here throws for a deposit.
import { createHash } from 'node:crypto';
import { loadDictionary } from '../dictionary/load-dictionary';
import { CAMPAIGNS, type Campaign, type TdfcDictionary } from '../dictionary/types';
import { DEFAULT_INFENT_PROFILE } from '../infent/envelope-config';
import { InfentError } from '../infent/infent-error';
import { writeContrl } from './contrl';
import { contrlReportOf } from './contrl-report';
import {
  CR_OUTCOMES,
  normalizeCrReport,
  overallStatus,
  writeInfentCr,
  type CrOutcome,
  type InfentCrReport,
} from './infent-cr';
import { checkIntegrability } from './integrability-check';
import { toReturnText, type ReturnError } from './return-error';
import type { ReturnsEnvelope } from './returns-envelope';
import {
  checkSyntax,
  type SubjectFacts,
  type SyntaxCheck,
  type SyntaxExpectation,
} from './syntax-check';

/** What the simulated DGFiP decides for one deposit (one interchange). */
export type DgfipOutcome =
  | { kind: 'syntax_rejected'; errors: ReturnError[]; contrl: string }
  | { kind: CrOutcome; errors: ReturnError[]; cr: string };

/** What the deposit is checked against, and how the returns are addressed. */
export interface DepositExpectation extends SyntaxExpectation {
  /** The processing time: UNB S004 of the return and the CR's processing date. */
  now: Date;
  /** UNB S002 of the returns (the DGFiP, or the partner acting for it), an..35. */
  returnsSender: string;
  /** The campaign dictionary (default: the campaign in force at `now`, see campaignAt). */
  dictionary?: TdfcDictionary;
  /** UNB 0020 of the return (default: 14 hex digits of SHA-256 of the deposit and `now`). */
  returnsReference?: string;
  /**
   * The DGFiP's own register of companies: a SIREN it does not know rejects the declaration
   * (a check the declarant cannot make: it only sees the SIREN's check digit). Default: all known.
   */
  isKnownSiren?: (siren: string) => boolean;
}

/**
 * The campaign in force at `date` (April of year N to March N+1, edi-tdfc.md §1.5), or else the
 * newest one shipped before it (so the demo keeps working once a campaign ends without the next
 * one's tables), or the oldest shipped.
 */
export function campaignAt(date: Date): Campaign {
  const year = date.getUTCFullYear() - (date.getUTCMonth() < 3 ? 1 : 0);
  const shipped = [...CAMPAIGNS].sort();
  const before = shipped.filter((c) => Number(c) <= year);
  return (before.at(-1) ?? shipped[0]) as Campaign;
}

function checkExpectation(expect: DepositExpectation): void {
  if (!(expect.now instanceof Date) || Number.isNaN(expect.now.getTime()))
    throw new InfentError('processDeposit : date de traitement (now) invalide');
  if (typeof expect.returnsSender !== 'string' || toReturnText(expect.returnsSender, 35) === '')
    throw new InfentError('processDeposit : émetteur des retours (returnsSender) absent');
  if (typeof expect.recipient !== 'string')
    throw new InfentError('processDeposit : destinataire attendu (recipient) absent');
}

/** The return's envelope: to the deposit's sender, in its test mode, texts made writable. */
function returnsEnvelope(
  subject: SubjectFacts | null,
  bytes: Uint8Array,
  expect: DepositExpectation,
): ReturnsEnvelope {
  const reference =
    expect.returnsReference ??
    createHash('sha256')
      .update(bytes)
      .update(expect.now.toISOString())
      .digest('hex')
      .slice(0, 14)
      .toUpperCase();
  const recipient = (subject?.sender ?? []).map((c) => toReturnText(c, 35));
  return {
    sender: toReturnText(expect.returnsSender, 35),
    recipient: recipient.length > 0 ? recipient : [''],
    controlReference: toReturnText(reference, 14) || 'RETOUR',
    preparedAt: expect.now,
    test: subject?.test ?? expect.testIndicator,
  };
}

/** A subject's UNB facts made writable in a UCI (they may come from a file refused early). */
function writableSubject(subject: SubjectFacts | null): SubjectFacts | null {
  if (!subject) return null;
  const clean = (list: string[]) => list.map((c) => toReturnText(c, 35));
  return {
    controlReference: toReturnText(subject.controlReference, 14),
    sender: clean(subject.sender),
    recipient: clean(subject.recipient),
    test: subject.test,
  };
}

function syntaxRejected(check: SyntaxCheck, envelope: ReturnsEnvelope): DgfipOutcome {
  const errors: ReturnError[] = check.faults.map((fault) => ({
    level: 'syntax',
    severity: 'rejet',
    code: fault.code,
    form: null,
    cell: null,
    occurrence: null,
    label: fault.tag ?? null,
    message: fault.message,
  }));
  const report = contrlReportOf(writableSubject(check.subject), check.faults);
  // A fault's message may hold what cannot be written (a Latin-9 character read from UNB): the
  // CONTRL holds codes and positions only, and those are always writable.
  for (const message of [...report.messages, ...report.groups.flatMap((g) => g.messages)]) {
    message.reference = toReturnText(message.reference, 14);
    message.type = message.type.map((c) => toReturnText(c, 35));
  }
  for (const group of report.groups) {
    group.reference = toReturnText(group.reference, 14);
    group.sender = group.sender.map((c) => toReturnText(c, 35));
    group.recipient = group.recipient.map((c) => toReturnText(c, 35));
  }
  return { kind: 'syntax_rejected', errors, contrl: writeContrl(envelope, report) };
}

/**
 * Runs check 3 (EDIFACT syntax of the INFENT-DF interchange: UNA/UNB/UNG/UNH/UNT/UNE/UNZ,
 * references and counts, charset UNOL:3, recipient = `expect.recipient`, test indicator =
 * `expect.testIndicator`) and, when the syntax is right, check 4 (integrability against the
 * campaign dictionary, then the validator's blocking errors) for every INFENT message. Throws
 * only for an unusable `expect` (InfentError), never for the deposited bytes.
 */
export function processDeposit(interchange: Uint8Array, expect: DepositExpectation): DgfipOutcome {
  checkExpectation(expect);
  const bytes = interchange instanceof Uint8Array ? interchange : new Uint8Array(0);
  const check = checkSyntax(bytes, expect);
  const envelope = returnsEnvelope(check.subject, bytes, expect);
  if (check.faults.length > 0 || !check.interchange) return syntaxRejected(check, envelope);
  const dictionary = expect.dictionary ?? loadDictionary(campaignAt(expect.now));
  const reference = check.subject?.controlReference ?? '';
  const reports: InfentCrReport[] = [];
  check.interchange.messages.forEach((message, index) => {
    if (message.type !== DEFAULT_INFENT_PROFILE.message.type[0]) return;
    let report: InfentCrReport;
    try {
      report = checkIntegrability(dictionary, message, index + 1, reference, expect.isKnownSiren);
    } catch {
      // A defect of ours must not lose the deposit: the declaration is rejected, and says why.
      report = {
        status: 'RJT',
        documentReference: null,
        original: { interchange: reference, message: message.reference },
        siren: null,
        exercise: { start: null, end: null },
        errors: [
          {
            level: 'integrability',
            severity: 'rejet',
            code: 'message.invalid',
            form: null,
            cell: null,
            occurrence: null,
            label: null,
            message: `Message ${message.reference} : traitement impossible, déclaration rejetée.`,
          },
        ],
      };
    }
    reports.push(normalizeCrReport(report));
  });
  const status = overallStatus(reports.map((r) => r.status));
  return {
    kind: CR_OUTCOMES[status],
    errors: reports.flatMap((r) => r.errors),
    cr: writeInfentCr(envelope, reports),
  };
}
