import { isCharset } from './charsets';
import { EdifactError } from './edifact-error';
import type { SyntaxIdentifier } from './interchange';
import { getComponent, type Element, type Segment } from './segment';
import { SegmentEncoder } from './segment-encode';
import {
  checkServiceChars,
  defaultServiceChars,
  formatUna,
  sameServiceChars,
  type ServiceChars,
} from './service-chars';

/**
 * UNB, element by element (the DGFiP values are configuration, so nothing is assumed here).
 * Elements after 0020 that are left out are written empty, or dropped when trailing.
 */
export interface UnbInput {
  /** S002, e.g. `['12345678900012', '5', 'I']` (SIRET, qualifier 5, routing). */
  readonly sender: Element;
  /** S003, e.g. `['1234567', '146']`. */
  readonly recipient: Element;
  /** S004, e.g. `formatDateTime(new Date())`. */
  readonly dateTime: Element;
  /** 0020, repeated in UNZ. */
  readonly controlReference: string;
  readonly recipientReference?: Element; // S005
  readonly applicationReference?: string; // 0026
  readonly priority?: string; // 0029
  readonly acknowledgementRequest?: string; // 0031
  readonly agreementIdentifier?: string; // 0032, e.g. 'TDT-PED-IN-DP1501/CVA19'
  /** 0035: true writes '1' (test interchange). */
  readonly testIndicator?: boolean;
}

/** UNG, element by element. */
export interface UngInput {
  readonly identification: Element; // 0038, e.g. 'INFENT'
  readonly sender: Element; // S006
  readonly recipient: Element; // S007
  readonly dateTime: Element; // S004
  /** 0048, repeated in UNE. */
  readonly reference: string;
  readonly controllingAgency?: string; // 0051, e.g. 'UN'
  readonly messageVersion?: Element; // S008, e.g. ['D', '00B', 'FD2501']
  readonly password?: string; // 0058
}

/** One message: UNH and UNT are written around `segments`. */
export interface MessageInput {
  /** UNH 0062, repeated in UNT. */
  readonly reference: string;
  /** UNH S009, e.g. `['INFENT', 'D', '00B', 'UN', 'FD2501']`. */
  readonly type: Element;
  /** UNH elements after S009 (0068, S010…), positional. */
  readonly headerRest?: readonly Element[];
  readonly segments: readonly Segment[];
}

/** One functional group: UNG and UNE are written around `messages`. */
export interface GroupInput {
  readonly ung: UngInput;
  readonly messages: readonly MessageInput[];
}

/** Everything writeInterchange needs; what can be computed (counts, trailers) is not asked. */
export interface WriteInterchangeInput {
  readonly syntax: SyntaxIdentifier;
  /** Default: the ISO 9735 defaults of the syntax version; DGFiP uses `,` as decimal mark. */
  readonly serviceChars?: ServiceChars;
  /** Write the UNA service string advice (default true; false only with default characters). */
  readonly una?: boolean;
  readonly unb: UnbInput;
  /** Functional groups (UNG…UNE), or else `messages` directly under UNB — not both. */
  readonly groups?: readonly GroupInput[];
  readonly messages?: readonly MessageInput[];
  /** '\n' after each segment (default false: back to back, the safe choice for DGFiP). */
  readonly lineBreaks?: boolean;
  /** Minimum digits of the UNT/UNE/UNZ counts, zero-padded (default 1: no padding). */
  readonly countDigits?: number;
}

const SERVICE_TAGS = new Set(['UNA', 'UNB', 'UNG', 'UNE', 'UNH', 'UNT', 'UNZ']);

/**
 * Writes an interchange: UNA, UNB, groups or messages, with the UNT/UNE/UNZ counts and repeated
 * references computed, values escaped, and the text encoded in the declared charset (a character
 * outside it is refused with its segment, element and component).
 */
export function writeInterchange(input: WriteInterchangeInput): Uint8Array {
  const { identifier, version } = input.syntax;
  if (!isCharset(identifier) || !/^[1-4]$/.test(version)) {
    throw invalid(`identifiant de syntaxe « ${identifier}:${version} » non pris en charge`);
  }
  const chars = input.serviceChars ?? defaultServiceChars(version);
  checkServiceChars(chars, version);
  if (input.una === false && !sameServiceChars(chars, defaultServiceChars(version))) {
    throw invalid('sans UNA, seuls les caractères de service par défaut peuvent être utilisés');
  }
  if (input.groups && input.messages) throw invalid('des groupes ou des messages, pas les deux');
  const digits = input.countDigits ?? 1;
  if (!Number.isInteger(digits) || digits < 1 || digits > 15)
    throw invalid('countDigits doit aller de 1 à 15');
  const count = (n: number): string => String(n).padStart(digits, '0');

  const encoder = new SegmentEncoder(chars, identifier);
  const newline = input.lineBreaks ? '\n' : '';
  if (input.una !== false) encoder.raw(formatUna(chars) + newline);
  let written = 0;
  const emit = (segment: Segment): void => {
    written += 1;
    encoder.segment(segment, written);
    if (newline) encoder.raw(newline);
  };
  const required = (value: string, what: string, tag: string): string => {
    if (typeof value !== 'string' || value === '')
      throw invalid(`${what} (${tag}) est obligatoire`);
    return value;
  };

  const unb = input.unb;
  const controlReference = required(unb.controlReference, 'la référence de contrôle', 'UNB 0020');
  emit(
    segment('UNB', [
      [identifier, version],
      unb.sender,
      unb.recipient,
      unb.dateTime,
      controlReference,
      unb.recipientReference,
      unb.applicationReference,
      unb.priority,
      unb.acknowledgementRequest,
      unb.agreementIdentifier,
      unb.testIndicator ? '1' : undefined,
    ]),
  );
  const writeMessage = (message: MessageInput): void => {
    const reference = required(message.reference, 'la référence du message', 'UNH 0062');
    const header = segment('UNH', [reference, message.type, ...(message.headerRest ?? [])]);
    if (getComponent(header, 2) === '')
      throw invalid('le type de message (UNH S009) est obligatoire');
    emit(header);
    for (const body of message.segments) {
      if (SERVICE_TAGS.has(body.tag)) {
        throw invalid(`le segment ${body.tag} est écrit par writeInterchange, pas dans un message`);
      }
      emit(body);
    }
    emit({ tag: 'UNT', elements: [count(message.segments.length + 2), reference] });
  };
  if (input.groups) {
    for (const { ung, messages } of input.groups) {
      const reference = required(ung.reference, 'la référence du groupe', 'UNG 0048');
      emit(
        segment('UNG', [
          ung.identification,
          ung.sender,
          ung.recipient,
          ung.dateTime,
          reference,
          ung.controllingAgency,
          ung.messageVersion,
          ung.password,
        ]),
      );
      messages.forEach(writeMessage);
      emit({ tag: 'UNE', elements: [count(messages.length), reference] });
    }
  } else {
    (input.messages ?? []).forEach(writeMessage);
  }
  const closed = input.groups ? input.groups.length : (input.messages ?? []).length;
  emit({ tag: 'UNZ', elements: [count(closed), controlReference] });
  return encoder.result();
}

/** A segment whose absent optional elements are empty, trailing ones dropped. */
function segment(tag: string, elements: ReadonlyArray<Element | undefined>): Segment {
  const written = elements.map((e) => e ?? '');
  while (written.length > 0 && written.at(-1) === '') written.pop();
  return { tag, elements: written };
}

function invalid(detail: string): EdifactError {
  return new EdifactError('INPUT_INVALID', detail);
}
