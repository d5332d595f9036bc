import type { Charset } from './charsets';
import type { PositionedSegment } from './segment';
import type { ServiceChars } from './service-chars';

/** UNB S001: character repertoire (0001) and syntax version (0002, '1' to '4'). */
export interface SyntaxIdentifier {
  readonly identifier: Charset;
  readonly version: string;
}

/** One message, UNH to UNT, checked (UNT count and reference). */
export interface Message {
  /** UNH 0062, e.g. '00001'. */
  readonly reference: string;
  /** UNH S009 0065, e.g. 'INFENT'. */
  readonly type: string;
  readonly header: PositionedSegment;
  /** The segments between UNH and UNT. */
  readonly segments: readonly PositionedSegment[];
  readonly trailer: PositionedSegment;
}

/** One functional group, UNG to UNE, checked (UNE count and reference). */
export interface Group {
  readonly header: PositionedSegment;
  readonly messages: readonly Message[];
  readonly trailer: PositionedSegment;
}

/** What UNA and UNB declared. */
export interface InterchangeStart {
  readonly serviceChars: ServiceChars;
  /** Whether the file began with a UNA service string advice. */
  readonly hadUna: boolean;
  readonly syntax: SyntaxIdentifier;
  readonly header: PositionedSegment;
}

/** A whole interchange, every envelope check passed. */
export interface Interchange extends InterchangeStart {
  /** The functional groups, or null when the messages are not grouped (no UNG). */
  readonly groups: readonly Group[] | null;
  /** Every message in order, whether grouped or not. */
  readonly messages: readonly Message[];
  readonly trailer: PositionedSegment;
}

/**
 * What the streaming reader yields, in file order. A message is yielded once its UNT is checked;
 * 'interchange-end' only once UNZ is checked and nothing but blanks follows it.
 */
export type StreamEvent =
  | ({ readonly type: 'interchange-start' } & InterchangeStart)
  | { readonly type: 'group-start'; readonly header: PositionedSegment }
  | {
      readonly type: 'message';
      readonly message: Message;
      readonly group: PositionedSegment | null;
    }
  | {
      readonly type: 'group-end';
      readonly header: PositionedSegment;
      readonly trailer: PositionedSegment;
      readonly messageCount: number;
    }
  | { readonly type: 'interchange-end'; readonly trailer: PositionedSegment };

/** Limits that keep hostile input from exhausting memory. */
export interface ReadOptions {
  /** Longest segment accepted, terminator included, in bytes. Default 100,000. */
  readonly maxSegmentLength?: number;
  /** Largest interchange accepted, in bytes. Default 256 MiB. */
  readonly maxInterchangeSize?: number;
}

/** Bytes; an INFENT segment is well under 1 KB, so 100 KB only stops hostile input. */
export const DEFAULT_MAX_SEGMENT_LENGTH = 100_000;
/** Bytes (256 MiB); readInterchange needs about ten times this in memory, stream it instead. */
export const DEFAULT_MAX_INTERCHANGE_SIZE = 256 * 1024 * 1024;
