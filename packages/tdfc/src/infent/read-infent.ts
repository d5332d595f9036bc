// The INFENT-DF interchange reader: the whole file at once (all or nothing), or declaration by
// declaration from a stream for large imports. Syntax and envelope checks are @passerelle/edifact's
// (wrapped in InfentError); each INFENT message becomes one Declaration; AUTACK messages (the
// signature, handled elsewhere) are skipped; any other message type is refused.
import {
  getComponent,
  readInterchange,
  streamInterchange,
  type Interchange,
  type InterchangeStart,
  type Message,
  type PositionedSegment,
  type ReadOptions,
  type StreamEvent,
} from '@passerelle/edifact';
import type { TdfcDictionary } from '../dictionary/types';
import type { Declaration } from '../model';
import { DEFAULT_DATUM_RENDERER, type DatumRenderer } from './datum-rendering';
import { DEFAULT_INFENT_PROFILE, type InfentProfile } from './envelope-config';
import { InfentError, fromEdifactError } from './infent-error';
import type { InfentMessageFacts } from './message-header';
import { readInfentMessage } from './read-message';

export interface ReadInfentOptions {
  /** Qualifiers of the header parties and the decimal mark (default DEFAULT_INFENT_PROFILE). */
  profile?: InfentProfile;
  renderer?: DatumRenderer;
  /** Size limits against hostile files (@passerelle/edifact's defaults: 100 kB segments, 256 MiB). */
  limits?: ReadOptions;
}

/** What the envelope says, as read (UNB, the first UNG, each message's header). */
export interface InfentInterchangeFacts {
  /** UNB S001, e.g. `UNOL:3`. */
  syntax: string;
  /** UNB S002 and S003: the firm's SIRET (qualifier 5), the partner number (146). */
  sender: { id: string; qualifier: string };
  recipient: { id: string; qualifier: string };
  /** UNB S004 as written: `YYMMDD` and `HHMM`. */
  preparedAt: { date: string; time: string };
  controlReference: string;
  agreementIdentifier?: string;
  /** UNB 0035 = 1. */
  test: boolean;
  /** The first functional group's header, when the file has groups. */
  group?: { identification: string; sender: string; recipient: string; version: string[] };
  /** One per INFENT message, in file order (streaming: filled as messages are read). */
  messages: InfentMessageFacts[];
}

export interface InfentReadResult {
  envelope: InfentInterchangeFacts;
  declarations: Declaration[];
}

/** The UNB facts of an interchange. */
function interchangeFacts(start: InterchangeStart): InfentInterchangeFacts {
  const unb = start.header;
  const at = (element: number, component = 1): string => getComponent(unb, element, component);
  return {
    syntax: `${start.syntax.identifier}:${start.syntax.version}`,
    sender: { id: at(2), qualifier: at(2, 2) },
    recipient: { id: at(3), qualifier: at(3, 2) },
    preparedAt: { date: at(4), time: at(4, 2) },
    controlReference: at(5),
    ...(at(10) ? { agreementIdentifier: at(10) } : {}),
    test: at(11) === '1',
    messages: [],
  };
}

function groupFacts(ung: PositionedSegment): InfentInterchangeFacts['group'] {
  const version = [1, 2, 3].map((c) => getComponent(ung, 7, c));
  while (version.length > 0 && version.at(-1) === '') version.pop();
  return {
    identification: getComponent(ung, 1),
    sender: getComponent(ung, 2),
    recipient: getComponent(ung, 3),
    version,
  };
}

/** Reads message `number` (1-based) into the results, unless it is an AUTACK. */
function readMessage(
  dictionary: TdfcDictionary,
  message: Message,
  number: number,
  envelope: InfentInterchangeFacts,
  options: ReadInfentOptions,
): Declaration | undefined {
  if (message.type === 'AUTACK') return undefined;
  const profile = options.profile ?? DEFAULT_INFENT_PROFILE;
  const expected = profile.message.type[0];
  if (message.type !== expected) {
    throw new InfentError(`message de type ${message.type} : ${expected} attendu`, {
      message: number,
      segment: 1,
      interchangeSegment: message.header.index,
      offset: message.header.offset,
      tag: 'UNH',
    });
  }
  const renderer = options.renderer ?? DEFAULT_DATUM_RENDERER;
  const { declaration, facts } = readInfentMessage(dictionary, message, number, profile, renderer);
  envelope.messages.push(facts);
  return declaration;
}

const noMessage = (): InfentError =>
  new InfentError('l’interchange ne contient aucun message INFENT (aucune déclaration)');

/**
 * Reads a whole interchange: every declaration, or an InfentError at the first problem (and
 * nothing else: an import creates nothing from a file with an error anywhere).
 */
export function readInfentInterchange(
  dictionary: TdfcDictionary,
  bytes: Uint8Array,
  options: ReadInfentOptions = {},
): InfentReadResult {
  let interchange: Interchange;
  try {
    interchange = readInterchange(bytes, options.limits);
  } catch (error) {
    throw fromEdifactError(error);
  }
  const envelope = interchangeFacts(interchange);
  const ung = interchange.groups?.[0]?.header;
  if (ung) envelope.group = groupFacts(ung);
  const declarations: Declaration[] = [];
  interchange.messages.forEach((message, index) => {
    const declaration = readMessage(dictionary, message, index + 1, envelope, options);
    if (declaration) declarations.push(declaration);
  });
  if (declarations.length === 0) throw noMessage();
  return { envelope, declarations };
}

/**
 * Reads an interchange as its bytes arrive and yields each declaration once its message is read
 * and checked; memory holds one message, not the file (50 MB imports). The generator returns the
 * envelope facts once UNZ is checked. An InfentError may come after declarations were yielded:
 * stage them (one database transaction) and keep them only when the generator completes.
 */
export async function* streamInfentDeclarations(
  dictionary: TdfcDictionary,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ReadInfentOptions = {},
): AsyncGenerator<Declaration, InfentInterchangeFacts, undefined> {
  const events = streamInterchange(source, options.limits);
  let envelope: InfentInterchangeFacts | undefined;
  let count = 0;
  let read = 0;
  try {
    for (;;) {
      let step: IteratorResult<StreamEvent, void>;
      try {
        step = await events.next();
      } catch (error) {
        throw fromEdifactError(error);
      }
      if (step.done) break;
      const event = step.value;
      if (event.type === 'interchange-start') envelope = interchangeFacts(event);
      if (event.type === 'group-start' && envelope && !envelope.group)
        envelope.group = groupFacts(event.header);
      if (event.type === 'message' && envelope) {
        count += 1;
        const declaration = readMessage(dictionary, event.message, count, envelope, options);
        if (declaration) {
          read += 1;
          yield declaration;
        }
      }
    }
  } finally {
    await events.return(undefined);
  }
  if (!envelope || read === 0) throw noMessage();
  return envelope;
}
