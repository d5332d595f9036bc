import type { PositionedSegment } from './segment';
import { escaperFor } from './segment-format';
import { SegmentScanner } from './segment-scanner';
import { DEFAULT_SERVICE_CHARS, type ServiceChars } from './service-chars';

/**
 * Cuts EDIFACT text (no UNA: pass its service characters instead) into unescaped segments,
 * numbered from 1, `offset` being the index in `text`. Blanks between segments are skipped.
 * No envelope or character-set check: readInterchange does those on a whole file.
 */
export function parseSegments(
  text: string,
  chars: ServiceChars = DEFAULT_SERVICE_CHARS,
): PositionedSegment[] {
  escaperFor(chars); // validates the service characters once per object
  const scanner = new SegmentScanner(chars, Number.MAX_SAFE_INTEGER);
  scanner.push(text);
  const segments: PositionedSegment[] = [];
  for (let segment = scanner.next(true); segment; segment = scanner.next(true)) {
    segments.push(segment);
  }
  return segments;
}
