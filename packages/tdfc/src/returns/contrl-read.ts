// Reading a CONTRL back (as writeContrl writes it, edi-tdfc.md §4.1) into its report, and the
// report as French error lines for the collaborator.
import { getComponent, type Segment } from '@passerelle/edifact';
import { InfentError } from '../infent/infent-error';
import type {
  ContrlAction,
  ContrlElementError,
  ContrlGroupReport,
  ContrlLevelError,
  ContrlMessageReport,
  ContrlReport,
  ContrlSegmentReport,
} from './contrl';
import { CONTRL_ERROR_LABELS } from './contrl-codes';
import type { ReturnError } from './return-error';
import {
  componentList,
  readReturnsInterchange,
  type ReturnsEnvelopeFacts,
} from './returns-envelope';

const ACTIONS: readonly string[] = ['4', '7', '8'];

/** A CONTRL as read: its envelope, the report, and the report as French error lines. */
export interface ContrlRead {
  envelope: ReturnsEnvelopeFacts;
  report: ContrlReport;
  errors: ReturnError[];
}

/** Reads a CONTRL's text (as writeContrl writes it); throws InfentError when it is not one. */
export function readContrl(text: string): ContrlRead {
  const { envelope, interchange } = readReturnsInterchange(text);
  const [message, ...others] = interchange.messages;
  if (!message || others.length > 0 || message.type !== 'CONTRL')
    throw new InfentError('un CONTRL contient un seul message, de type CONTRL');
  const segments = message.segments;
  const fail = (at: number, detail: string): InfentError =>
    new InfentError(detail, { message: 1, segment: at + 2, tag: segments[at]?.tag });
  const uci = segments[0];
  if (uci?.tag !== 'UCI') throw fail(0, 'segment UCI attendu en tête du CONTRL');
  const report: ContrlReport = {
    interchange: {
      controlReference: getComponent(uci, 1),
      sender: componentList(uci.elements[1]),
      recipient: componentList(uci.elements[2]),
    },
    action: action(uci, 4, () => fail(0, 'action (0083) invalide')),
    groups: [],
    messages: [],
  };
  const uciError = levelError(uci, 5);
  if (uciError) report.error = uciError;
  let group: ContrlGroupReport | undefined;
  let current: ContrlMessageReport | undefined;
  let segment: ContrlSegmentReport | undefined;
  for (let at = 1; at < segments.length; at += 1) {
    const read = segments[at] as Segment;
    const number = (element: number, component = 1): number => {
      const value = getComponent(read, element, component);
      if (!/^[1-9]\d{0,5}$/.test(value)) throw fail(at, `position « ${value} » invalide`);
      return Number(value);
    };
    if (read.tag === 'UCF') {
      if (report.messages.length > 0) throw fail(at, 'UCF après des UCM hors groupe');
      group = {
        reference: getComponent(read, 1),
        sender: componentList(read.elements[1]),
        recipient: componentList(read.elements[2]),
        action: action(read, 4, () => fail(at, 'action (0083) invalide')),
        messages: [],
      };
      const error = levelError(read, 5);
      if (error) group.error = error;
      report.groups.push(group);
      current = undefined;
      segment = undefined;
    } else if (read.tag === 'UCM') {
      if (report.groups.length > 0 && !group) throw fail(at, 'UCM hors groupe après un UCF');
      current = {
        reference: getComponent(read, 1),
        type: componentList(read.elements[1]),
        action: action(read, 3, () => fail(at, 'action (0083) invalide')),
        segments: [],
      };
      const error = levelError(read, 4);
      if (error) current.error = error;
      (group ? group.messages : report.messages).push(current);
      segment = undefined;
    } else if (read.tag === 'UCS') {
      if (!current) throw fail(at, 'UCS hors d’un UCM');
      segment = { position: number(1), elements: [] };
      const code = getComponent(read, 2);
      if (code) segment.code = code;
      current.segments.push(segment);
    } else if (read.tag === 'UCD') {
      if (!segment) throw fail(at, 'UCD hors d’un UCS');
      const element: ContrlElementError = { code: getComponent(read, 1), element: number(2) };
      if (getComponent(read, 2, 2)) element.component = number(2, 2);
      segment.elements.push(element);
    } else {
      throw fail(at, `segment ${read.tag} inattendu dans un CONTRL`);
    }
  }
  return { envelope, report, errors: contrlErrors(report) };
}

function action(segment: Segment, element: number, fail: () => InfentError): ContrlAction {
  const value = getComponent(segment, element);
  if (!ACTIONS.includes(value)) throw fail();
  return value as ContrlAction;
}

/** The `<0085>+<tag>+<S011>` starting at `element`, or undefined when no code is given. */
function levelError(segment: Segment, element: number): ContrlLevelError | undefined {
  const code = getComponent(segment, element);
  if (!code) return undefined;
  const error: ContrlLevelError = { code };
  const tag = getComponent(segment, element + 1);
  if (tag) error.tag = tag;
  const position = getComponent(segment, element + 2);
  if (/^\d+$/.test(position)) error.element = Number(position);
  const component = getComponent(segment, element + 2, 2);
  if (/^\d+$/.test(component)) error.component = Number(component);
  return error;
}

/** « erreur 29 (le nombre de contrôle ne correspond pas) », with the place when known. */
function describeCode(code: string, place: string[]): string {
  const meaning = CONTRL_ERROR_LABELS[code];
  const where = place.length > 0 ? ` : ${place.join(', ')}` : '';
  return `erreur de syntaxe ${code}${meaning ? ` (${meaning})` : ''}${where}.`;
}

function placeOf(error: { tag?: string; element?: number; component?: number }): string[] {
  const place: string[] = [];
  if (error.tag) place.push(`segment ${error.tag}`);
  if (error.element !== undefined) place.push(`élément ${error.element}`);
  if (error.component !== undefined) place.push(`composant ${error.component}`);
  return place;
}

const syntaxError = (code: string, label: string | null, message: string): ReturnError => ({
  level: 'syntax',
  severity: 'rejet',
  code,
  form: null,
  cell: null,
  occurrence: null,
  label,
  message,
});

/** The report as French error lines (what a collaborator reads of a CONTRL). */
export function contrlErrors(report: ContrlReport): ReturnError[] {
  const errors: ReturnError[] = [];
  const ref = report.interchange.controlReference;
  if (report.error) {
    const { code, tag } = report.error;
    const text = `Interchange ${ref} : ${describeCode(code, placeOf(report.error))}`;
    errors.push(syntaxError(code, tag ?? null, text));
  }
  const ofMessage = (message: ContrlMessageReport): void => {
    if (message.error) {
      const { code, tag } = message.error;
      const text = `Message ${message.reference} : ${describeCode(code, placeOf(message.error))}`;
      errors.push(syntaxError(code, tag ?? null, text));
    }
    for (const segment of message.segments) {
      const head = `Message ${message.reference}, segment ${segment.position}`;
      if (segment.code)
        errors.push(syntaxError(segment.code, null, `${head} : ${describeCode(segment.code, [])}`));
      for (const element of segment.elements) {
        errors.push(
          syntaxError(
            element.code,
            null,
            `${head} : ${describeCode(element.code, placeOf(element))}`,
          ),
        );
      }
    }
  };
  report.messages.forEach(ofMessage);
  for (const group of report.groups) {
    if (group.error) {
      const { code, tag } = group.error;
      const text = `Groupe ${group.reference} : ${describeCode(code, placeOf(group.error))}`;
      errors.push(syntaxError(code, tag ?? null, text));
    }
    group.messages.forEach(ofMessage);
  }
  return errors;
}
