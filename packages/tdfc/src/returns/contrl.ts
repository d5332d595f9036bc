// CONTRL, the ISO 9735 syntax and service report the DGFiP sends when an interchange is
// syntactically wrong (edi-tdfc.md §4.1; the ISO structure is [C], the DGFiP profile [G]):
//   UNH+00001+CONTRL:D:3:UN'
//   UCI+<subject 0020>+<subject S002>+<subject S003>+<action>[+<0085>+<tag>+<element>:<component>]'
//   UCM+<0062>+<S009>+<action>[+<0085>+<tag>+<element>:<component>]'   per faulty message…
//     UCS+<segment position, UNH = 1>[+<0085>]'                          …per faulty segment…
//       UCD+<0085>+<element>:<component>'                               …per faulty element
//   UCF+<0048>+<S006>+<S007>+<action>[+<0085>+<tag>+…]' then its UCMs   when the subject has UNGs
//   UNT'
// Action 0083: 4 rejected, 7 acknowledged, 8 received. One error fits each UCI/UCF/UCM (ISO
// 9735 gives each level one 0085): further ones of that level are in the JSON errors only.
import { getComponent, type Element, type MessageInput, type Segment } from '@passerelle/edifact';
import { InfentError } from '../infent/infent-error';
import { CONTRL_ERROR_LABELS } from './contrl-codes';
import type { ReturnError } from './return-error';
import {
  asElement,
  componentList,
  readReturnsInterchange,
  writeReturnsInterchange,
  type ReturnsEnvelope,
  type ReturnsEnvelopeFacts,
} from './returns-envelope';

/** UNH S009 of our CONTRL: the version of the syntax 3 directory [G for the DGFiP]. */
export const CONTRL_TYPE = ['CONTRL', 'D', '3', 'UN'] as const;

export type ContrlAction = '4' | '7' | '8';

/** An error of a whole level (UCI, UCF, UCM): its 0085 code and the service segment at fault. */
export interface ContrlLevelError {
  code: string;
  /** The service segment concerned (0013): `UNB`, `UNZ`, `UNT`… */
  tag?: string;
  /** S011: element (0098) and component (0104) positions, from 1. */
  element?: number;
  component?: number;
}

/** UCD: an element in error. */
export interface ContrlElementError {
  code: string;
  element: number;
  component?: number;
}

/** UCS: a data segment in error, by its position in the message (UNH = 1). */
export interface ContrlSegmentReport {
  position: number;
  /** The segment's own error, when no one element is to blame. */
  code?: string;
  elements: ContrlElementError[];
}

/** UCM: one message of the subject interchange. */
export interface ContrlMessageReport {
  reference: string;
  /** UNH S009 of the message, e.g. `['INFENT', 'D', '00B', 'UN', 'FD2501']`. */
  type: string[];
  action: ContrlAction;
  error?: ContrlLevelError;
  segments: ContrlSegmentReport[];
}

/** UCF: one functional group of the subject interchange. */
export interface ContrlGroupReport {
  reference: string;
  sender: string[];
  recipient: string[];
  action: ContrlAction;
  error?: ContrlLevelError;
  messages: ContrlMessageReport[];
}

/** What a CONTRL says about the subject interchange. */
export interface ContrlReport {
  /** UCI: the subject's UNB 0020, S002 and S003, as it wrote them. */
  interchange: { controlReference: string; sender: string[]; recipient: string[] };
  action: ContrlAction;
  error?: ContrlLevelError;
  /** UCF reports (subject with UNG groups) or UCM reports (messages directly under UNB). */
  groups: ContrlGroupReport[];
  messages: ContrlMessageReport[];
}

const ACTIONS: readonly string[] = ['4', '7', '8'];

/** `+<0085>+<tag>+<element>:<component>` of a level, without trailing empty elements. */
function levelElements(error: ContrlLevelError | undefined): Element[] {
  if (!error) return [];
  if (error.element === undefined) return error.tag ? [error.code, error.tag] : [error.code];
  const position =
    error.component === undefined
      ? String(error.element)
      : [String(error.element), String(error.component)];
  return [error.code, error.tag ?? '', position];
}

function messageSegments(message: ContrlMessageReport): Segment[] {
  const list: Segment[] = [
    {
      tag: 'UCM',
      elements: [
        message.reference,
        asElement(message.type),
        message.action,
        ...levelElements(message.error),
      ],
    },
  ];
  for (const segment of message.segments) {
    list.push({
      tag: 'UCS',
      elements: segment.code
        ? [String(segment.position), segment.code]
        : [String(segment.position)],
    });
    for (const element of segment.elements) {
      const at =
        element.component === undefined
          ? String(element.element)
          : [String(element.element), String(element.component)];
      list.push({ tag: 'UCD', elements: [element.code, at] });
    }
  }
  return list;
}

/** Writes a CONTRL interchange (one CONTRL message) and returns its text. */
export function writeContrl(envelope: ReturnsEnvelope, report: ContrlReport): string {
  const { interchange } = report;
  const segments: Segment[] = [
    {
      tag: 'UCI',
      elements: [
        interchange.controlReference,
        asElement(interchange.sender),
        asElement(interchange.recipient),
        report.action,
        ...levelElements(report.error),
      ],
    },
  ];
  for (const message of report.messages) segments.push(...messageSegments(message));
  for (const group of report.groups) {
    segments.push({
      tag: 'UCF',
      elements: [
        group.reference,
        asElement(group.sender),
        asElement(group.recipient),
        group.action,
        ...levelElements(group.error),
      ],
    });
    for (const message of group.messages) segments.push(...messageSegments(message));
  }
  const message: MessageInput = { reference: '00001', type: [...CONTRL_TYPE], segments };
  return writeReturnsInterchange(envelope, [message]);
}

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
