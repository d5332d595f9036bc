// The envelope shared by the two DGFiP returns (CONTRL and INFENT CR): UNA, UNB from the returns'
// sender to the sender of the deposited interchange, the messages (no UNG), UNZ; written with
// @passerelle/edifact's writer and read back with its reader. Values are [G] (edi-tdfc.md §4):
// the returns are written like the INFENT-DF itself (UNOL:3, `UNA:+,? '`, Paris time).
import {
  componentsOf,
  decodeText,
  encodeText,
  formatDateTime,
  getComponent,
  isRepetitions,
  readInterchange,
  writeInterchange,
  type Element,
  type Interchange,
  type MessageInput,
} from '@passerelle/edifact';
import { DEFAULT_INFENT_PROFILE } from '../infent/envelope-config';
import { InfentError, fromEdifactError } from '../infent/infent-error';

/** UNOL:3 and the DGFiP's UNA, as the INFENT-DF (edi-tdfc.md §2.1). */
export const RETURNS_SYNTAX = DEFAULT_INFENT_PROFILE.syntax;
export const RETURNS_SERVICE_CHARS = DEFAULT_INFENT_PROFILE.serviceChars;
const TIME_ZONE = DEFAULT_INFENT_PROFILE.timeZone;

/** What varies per return interchange. */
export interface ReturnsEnvelope {
  /** UNB S002: who sends the return (the simulated DGFiP, as the partner names it). */
  sender: string;
  /** UNB S003: the deposited interchange's UNB sender, as it wrote it (`[siret, '5', 'I']`). */
  recipient: readonly string[];
  /** UNB 0020 of the return, an..14. */
  controlReference: string;
  /** UNB S004 (Paris wall-clock time) and the processing date of a CR. */
  preparedAt: Date;
  /** UNB 0035: a return of a test interchange is a test interchange. */
  test: boolean;
}

/** The UNB of a return, as read. */
export interface ReturnsEnvelopeFacts {
  sender: string;
  recipient: string[];
  controlReference: string;
  /** UNB S004 as written: `YYMMDD` and `HHMM`. */
  preparedAt: { date: string; time: string };
  test: boolean;
}

/** The components of an element, trailing empty ones dropped (`['123', '5']`). */
export function componentList(element: Element | undefined): string[] {
  if (element === undefined || isRepetitions(element)) return [];
  const list = [...componentsOf(element)];
  while (list.length > 0 && list.at(-1) === '') list.pop();
  return list;
}

/** A component list as an element: a simple value when there is one component. */
export function asElement(components: readonly string[]): Element {
  return components.length <= 1 ? (components[0] ?? '') : [...components];
}

/** Writes a return interchange and gives its text (ISO-8859-15 characters). */
export function writeReturnsInterchange(
  envelope: ReturnsEnvelope,
  messages: readonly MessageInput[],
): string {
  const bytes = writeInterchange({
    syntax: RETURNS_SYNTAX,
    serviceChars: RETURNS_SERVICE_CHARS,
    unb: {
      sender: envelope.sender,
      recipient: asElement(envelope.recipient),
      dateTime: formatDateTime(envelope.preparedAt, { timeZone: TIME_ZONE }),
      controlReference: envelope.controlReference,
      testIndicator: envelope.test,
    },
    messages,
  });
  return decodeText(bytes, RETURNS_SYNTAX.identifier);
}

/** The CCYYMMDD of `date` in Paris (a CR's processing date). */
export function parisDate(date: Date): string {
  return formatDateTime(date, { version: '4', timeZone: TIME_ZONE })[0] ?? '';
}

/**
 * Reads a return's text: its UNB facts and its messages, every envelope check of
 * @passerelle/edifact passed. Throws InfentError (the EdifactError as its cause).
 */
export function readReturnsInterchange(text: string): {
  envelope: ReturnsEnvelopeFacts;
  interchange: Interchange;
} {
  if (typeof text !== 'string') throw new InfentError('texte EDIFACT attendu');
  let interchange: Interchange;
  try {
    interchange = readInterchange(encodeText(text, RETURNS_SYNTAX.identifier));
  } catch (error) {
    throw fromEdifactError(error);
  }
  const unb = interchange.header;
  return {
    envelope: {
      sender: getComponent(unb, 2),
      recipient: componentList(unb.elements[2]),
      controlReference: getComponent(unb, 5),
      preparedAt: { date: getComponent(unb, 4), time: getComponent(unb, 4, 2) },
      test: getComponent(unb, 11) === '1',
    },
    interchange,
  };
}
