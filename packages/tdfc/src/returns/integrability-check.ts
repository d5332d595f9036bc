// Check 4 of the DGFiP (edi-tdfc.md §5): can one INFENT-DF message be integrated? The message is
// read by the package's own reader (readInfentMessage: millésime, forms and codes of the
// dictionary, segments, values); a datum it refuses inside an annex form is dropped and that form
// rejected, and reading starts again without it. The declaration read is then validated
// (validateDeclaration): its blocking errors reject their form, its warnings are alerts.
// Status [G, our rule]: a fault of the identification, the millésime (control 012), the
// régime's forms or the message itself rejects the whole deposit (RJT); faults confined to
// annex forms reject those forms only (RJP); alerts alone, or nothing, accept it (ACC).
import { getComponent, type Message, type PositionedSegment } from '@passerelle/edifact';
import { formDisplayName } from '../dictionary/form-name';
import type { TdfcDictionary } from '../dictionary/types';
import { DEFAULT_DATUM_RENDERER, parseDatumKey } from '../infent/datum-rendering';
import { DEFAULT_INFENT_PROFILE } from '../infent/envelope-config';
import { InfentError, cellName, type InfentPosition } from '../infent/infent-error';
import { readInfentMessage } from '../infent/read-message';
import { IDENTIFICATION_FORM, type Declaration } from '../model';
import { describePlace, type Anomaly } from '../validate/anomaly';
import { validateDeclaration } from '../validate/validate-declaration';
import type { CrStatus, InfentCrReport } from './infent-cr';
import type { ReturnError } from './return-error';

const PROFILE = DEFAULT_INFENT_PROFILE;
const RENDERER = DEFAULT_DATUM_RENDERER;

/** Blocking rules of the validator that concern the declaration as a whole, whatever the form. */
const WHOLE_DECLARATION_RULES = new Set([
  'declaration.millesime',
  'form.unknown',
  'form.not-allowed',
  'main-return.missing',
  'main-return.several',
  'identif.regime',
]);

/** Datums dropped before a message is rejected as a whole (each drop re-reads the message). */
export const MAX_DROPPED_DATUMS = 200;

/** The DGFiP control of the campaign millésime (edi-tdfc.md §1.5, S2). */
export const MILLESIME_CONTROL = '012';

interface Verdict {
  whole: boolean;
  error: ReturnError;
}

const line = (
  severity: ReturnError['severity'],
  code: string,
  message: string,
  place: Partial<Pick<ReturnError, 'form' | 'cell' | 'occurrence' | 'label'>> = {},
): ReturnError => ({
  level: 'integrability',
  severity,
  code,
  form: place.form ?? null,
  cell: place.cell ?? null,
  occurrence: place.occurrence ?? null,
  label: place.label ?? null,
  message,
});

/** « Formulaire 2033-A, case AA (Capital souscrit non appelé) : … » from a validator anomaly. */
function fromAnomaly(anomaly: Anomaly, dictionary: TdfcDictionary, millesime: string): Verdict {
  const display = formDisplayName(anomaly.form);
  const message = anomaly.message.startsWith(display)
    ? `Formulaire ${anomaly.message}`
    : anomaly.message;
  const blocking = anomaly.severity === 'error';
  const whole =
    blocking &&
    (anomaly.form === IDENTIFICATION_FORM ||
      WHOLE_DECLARATION_RULES.has(anomaly.rule) ||
      !dictionary.form(millesime, anomaly.form));
  return {
    whole,
    error: line(blocking ? 'rejet' : 'alerte', anomaly.rule, message, {
      form: anomaly.form,
      cell: anomaly.code ?? null,
      occurrence: anomaly.formOccurrence === undefined ? null : anomaly.formOccurrence + 1,
      label: anomaly.label ?? null,
    }),
  };
}

/** The InfentError's sentence without the « Message n, segment s : case f/c : » it starts with. */
function detailOf(error: InfentError): string {
  const p = error.position;
  let text = error.message;
  const head = `Message ${p.message}, segment ${p.segment} : `;
  if (text.startsWith(head)) text = text.slice(head.length);
  const cell = `case ${cellName(p)} : `;
  if (text.startsWith(cell)) text = text.slice(cell.length);
  return text.replace(/\.$/, '');
}

/** The millésime of the first datum key of a message (what the reader holds the others to). */
function firstMillesime(segments: readonly PositionedSegment[]): string | undefined {
  for (const segment of segments) {
    if (segment.tag !== 'IND') continue;
    const key = parseDatumKey(getComponent(segment, 1));
    if (key) return key.millesime;
  }
  return undefined;
}

/** Where the datum holding body segment `index` starts and ends (its SEQ to the next SEQ). */
function datumBounds(
  segments: readonly PositionedSegment[],
  index: number,
): { from: number; to: number } | undefined {
  let from = Math.min(index, segments.length - 1);
  while (from >= 0 && segments[from]?.tag !== RENDERER.firstTag) from -= 1;
  if (from < 0) return undefined;
  let to = from + 1;
  while (to < segments.length && segments[to]?.tag !== RENDERER.firstTag) to += 1;
  return { from, to };
}

/** Judges a reading failure: the whole message, or one datum (to drop) of an annex form. */
function judgeReadError(
  error: unknown,
  dictionary: TdfcDictionary,
  segments: readonly PositionedSegment[],
  millesime: string | undefined,
): Verdict & { drop?: { from: number; to: number } } {
  if (!(error instanceof InfentError)) {
    return { whole: true, error: line('rejet', 'message.invalid', 'Message illisible.') };
  }
  const p: InfentPosition = error.position;
  const unreadable = {
    whole: true,
    error: line('rejet', 'message.invalid', error.message),
  };
  if (p.form === undefined || p.segment === undefined) return unreadable;
  const bounds = datumBounds(segments, p.segment - 2);
  if (!bounds) return unreadable;
  const key = parseDatumKey(getComponent(segments[bounds.from + 1] as PositionedSegment, 1));
  const m = key?.millesime ?? millesime ?? '';
  if (!dictionary.millesimes.includes(m) || (millesime !== undefined && m !== millesime)) {
    const accepted = dictionary.millesimes.join(', ');
    const reason = dictionary.millesimes.includes(m)
      ? `millésime ${m} différent de celui des autres données (${millesime}) : une déclaration n'a qu'un millésime`
      : `millésime ${m} hors de la campagne ${dictionary.campaign} (millésimes acceptés : ${accepted})`;
    return {
      whole: true,
      error: line('rejet', MILLESIME_CONTROL, `Contrôle 012 : ${reason}.`, { form: p.form }),
    };
  }
  const form = dictionary.form(m, p.form);
  const cell = p.code === undefined ? undefined : dictionary.cell(m, p.form, p.code);
  const occurrence = p.formOccurrence === undefined ? null : p.formOccurrence + 1;
  const place = describePlace({
    form: p.form,
    ...(p.formOccurrence !== undefined ? { formOccurrence: p.formOccurrence } : {}),
    severalOccurrences: (p.formOccurrence ?? 0) > 0,
    ...(p.code !== undefined ? { code: p.code, label: cell?.label ?? p.code } : {}),
    ...(p.valueIndex !== undefined ? { valueIndex: p.valueIndex } : {}),
    repeatable: cell?.repeatable ?? false,
  });
  const where = `segment ${p.segment} du message`;
  if (!form) {
    const reason = `formulaire inconnu du millésime ${m} (${where})`;
    const name = formDisplayName(p.form);
    return {
      whole: true,
      error: line('rejet', 'form.unknown', `Formulaire ${name} : ${reason}.`, {
        form: p.form,
        occurrence,
      }),
    };
  }
  const code = cell ? 'datum.invalid' : 'cell.unknown';
  const reason = cell
    ? `${detailOf(error)} (${where})`
    : `case inconnue du millésime ${m} (${where})`;
  return {
    whole: p.form === IDENTIFICATION_FORM,
    error: line('rejet', code, `Formulaire ${place} : ${reason} ; donnée non intégrée.`, {
      form: p.form,
      cell: p.code ?? null,
      occurrence,
      label: cell?.label ?? null,
    }),
    drop: bounds,
  };
}

/** The facts a CR repeats even when the message cannot be read: BGM number and NAD+DT SIREN. */
function headerOf(message: Message): { documentReference: string | null; siren: string | null } {
  const bgm = message.segments[0];
  const documentReference = bgm?.tag === 'BGM' ? getComponent(bgm, 2) || null : null;
  const nad = message.segments.find(
    (s) => s.tag === 'NAD' && getComponent(s, 1) === PROFILE.parties.declarant,
  );
  return { documentReference, siren: nad ? getComponent(nad, 2) || null : null };
}

/**
 * Check 4 of one INFENT-DF message: its CR report (status and error lines). `number` is the
 * message's place in the interchange (1-based), `interchangeReference` the UNB 0020.
 */
export function checkIntegrability(
  dictionary: TdfcDictionary,
  message: Message,
  number: number,
  interchangeReference: string,
  isKnownSiren: (siren: string) => boolean = () => true,
): InfentCrReport {
  const header = headerOf(message);
  const report: InfentCrReport = {
    status: 'ACC',
    ...header,
    original: { interchange: interchangeReference, message: message.reference },
    exercise: { start: null, end: null },
    errors: [],
  };
  const finish = (verdicts: readonly Verdict[]): InfentCrReport => {
    report.errors = verdicts.map((v) => v.error);
    const status: CrStatus = verdicts.some((v) => v.whole)
      ? 'RJT'
      : verdicts.some((v) => v.error.severity === 'rejet')
        ? 'RJP'
        : 'ACC';
    report.status = status;
    return report;
  };
  const verdicts: Verdict[] = [];
  let segments = [...message.segments];
  const millesime = firstMillesime(segments);
  let declaration: Declaration | undefined;
  while (!declaration) {
    try {
      const body = { ...message, segments };
      declaration = readInfentMessage(dictionary, body, number, PROFILE, RENDERER).declaration;
    } catch (error) {
      const verdict = judgeReadError(error, dictionary, segments, millesime);
      verdicts.push(verdict);
      if (verdict.whole || !verdict.drop) return finish(verdicts);
      if (verdicts.length >= MAX_DROPPED_DATUMS) {
        const text = `Plus de ${MAX_DROPPED_DATUMS} données refusées : la déclaration est rejetée.`;
        return finish([
          ...verdicts,
          { whole: true, error: line('rejet', 'message.invalid', text) },
        ]);
      }
      segments = [...segments.slice(0, verdict.drop.from), ...segments.slice(verdict.drop.to)];
    }
  }
  report.siren = declaration.siren || report.siren;
  report.exercise = { start: declaration.exercise.start, end: declaration.exercise.end };
  if (declaration.siren && !isKnownSiren(declaration.siren)) {
    const spaced = declaration.siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
    const text = `SIREN ${spaced} inconnu du répertoire des entreprises de la DGFiP : la déclaration est rejetée.`;
    verdicts.push({
      whole: true,
      error: line('rejet', 'identif.siren-unknown', text, {
        form: IDENTIFICATION_FORM,
        occurrence: 1,
        label: 'SIREN',
      }),
    });
  }
  for (const anomaly of validateDeclaration(dictionary, declaration))
    verdicts.push(fromAnomaly(anomaly, dictionary, declaration.millesime));
  return finish(verdicts);
}
