// Where a syntax fault sits in the envelope. readInterchange stops at the first fault and gives
// its segment number, not the group or message around it, which a CONTRL must name (UCF, UCM,
// UCS position from UNH): the file is cut again into bare segments, as far as that is possible,
// to find the UNG and UNH open at that segment. Best effort, never throws.
import { Buffer } from 'node:buffer';
import {
  DEFAULT_SERVICE_CHARS,
  EdifactError,
  parseSegments,
  parseUna,
  type PositionedSegment,
  type ServiceChars,
} from '@passerelle/edifact';

/** The segments of a file, numbered as readInterchange numbers them (UNB = 1), up to the first
 * one that cannot be cut (bad tag, missing terminator); [] when nothing can be read. */
export function scanSegments(bytes: Uint8Array): PositionedSegment[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let chars: ServiceChars = DEFAULT_SERVICE_CHARS;
  let body = text;
  if (text.startsWith('UNA')) {
    try {
      chars = parseUna(text.slice(0, 9));
    } catch {
      return [];
    }
    body = text.slice(9);
  }
  try {
    return parseSegments(body, chars);
  } catch (error) {
    if (!(error instanceof EdifactError) || error.offset === undefined) return [];
    try {
      // The segments before the one that could not be cut are whole.
      return parseSegments(body.slice(0, error.offset), chars);
    } catch {
      return [];
    }
  }
}

/** The group and message open at segment `number` (the segment itself when it is a UNG/UNH). */
export interface EnvelopePlace {
  group?: PositionedSegment;
  message?: PositionedSegment;
}

/** Finds the UNG and UNH open at segment `number` among the scanned segments. */
export function placeInEnvelope(
  segments: readonly PositionedSegment[],
  number: number,
): EnvelopePlace {
  let group: PositionedSegment | undefined;
  let message: PositionedSegment | undefined;
  for (const segment of segments) {
    if (segment.index > number) break;
    const closing = segment.index < number;
    if (segment.tag === 'UNG') group = segment;
    else if (segment.tag === 'UNH') message = segment;
    else if (segment.tag === 'UNT' && closing) message = undefined;
    else if (segment.tag === 'UNE' && closing) group = undefined;
  }
  return { ...(group ? { group } : {}), ...(message ? { message } : {}) };
}
