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
import type { Element, MessageInput, Segment } from '@passerelle/edifact';
import { asElement, writeReturnsInterchange, type ReturnsEnvelope } from './returns-envelope';

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
