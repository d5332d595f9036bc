import { EdifactError } from './edifact-error';
import type {
  Group,
  Interchange,
  InterchangeStart,
  Message,
  ReadOptions,
  StreamEvent,
} from './interchange';
import { InterchangeReader } from './interchange-reader';
import type { PositionedSegment } from './segment';

/**
 * Reads a whole interchange held in memory and checks its envelopes: UNA well-formed, UNB first
 * with a known syntax identifier, every character in the declared charset, UNH/UNT, UNG/UNE and
 * UNB/UNZ references and counts, groups and bare messages not mixed, nothing after UNZ.
 * Throws EdifactError (only) at the first problem, with its position and a French message.
 */
export function readInterchange(bytes: Uint8Array, options?: ReadOptions): Interchange {
  const reader = new InterchangeReader(options);
  return assembleInterchange([...reader.push(bytes), ...reader.end()]);
}

/** Builds the Interchange tree from the events of a complete, checked file. */
export function assembleInterchange(events: Iterable<StreamEvent>): Interchange {
  let start: InterchangeStart | null = null;
  let trailer: PositionedSegment | null = null;
  let groups: Group[] | null = null;
  let groupMessages: Message[] = [];
  const messages: Message[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'interchange-start': {
        const { type: _type, ...rest } = event;
        start = rest;
        break;
      }
      case 'group-start':
        groups ??= [];
        groupMessages = [];
        break;
      case 'message':
        messages.push(event.message);
        groupMessages.push(event.message);
        break;
      case 'group-end':
        groups?.push({ header: event.header, messages: groupMessages, trailer: event.trailer });
        break;
      case 'interchange-end':
        trailer = event.trailer;
        break;
    }
  }
  if (!start || !trailer) {
    throw new EdifactError('INTERCHANGE_INCOMPLETE', 'le fichier se termine sans segment UNZ');
  }
  return { ...start, groups, messages, trailer };
}
