// Test helpers: run the streaming reader to the end and compare it with readInterchange.
import { EdifactError } from '../edifact-error';
import type { Interchange, ReadOptions, StreamEvent } from '../interchange';
import { assembleInterchange, readInterchange } from '../interchange-read';
import type { PositionedSegment } from '../segment';
import { streamInterchange } from '../stream';

/** The outcome of a read: the interchange, or the EdifactError's code, message and position. */
export type Outcome =
  | { readonly ok: true; readonly interchange: Interchange }
  | { readonly ok: false; readonly error: Record<string, unknown> };

function failure(error: unknown): Outcome {
  if (!(error instanceof EdifactError)) throw error; // anything else is a bug: let it fail the test
  const { code, message, segment, tag, element, component, offset } = error;
  return { ok: false, error: { code, message, segment, tag, element, component, offset } };
}

/** readInterchange, with its EdifactError turned into a value. */
export function readOutcome(data: Uint8Array, options?: ReadOptions): Outcome {
  try {
    return { ok: true, interchange: readInterchange(data, options) };
  } catch (error) {
    return failure(error);
  }
}

/** streamInterchange over `chunks`, its events assembled like readInterchange does. */
export async function streamOutcome(
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options?: ReadOptions,
): Promise<Outcome & { events: StreamEvent[] }> {
  const events: StreamEvent[] = [];
  try {
    for await (const event of streamInterchange(chunks, options)) events.push(event);
    return { ok: true, interchange: assembleInterchange(events), events };
  } catch (error) {
    return { ...failure(error), events };
  }
}

/** `data` cut at the given offsets. */
export function split(data: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [
    0,
    ...cuts.filter((c) => c > 0 && c < data.length).sort((a, b) => a - b),
    data.length,
  ];
  return points.slice(1).map((end, i) => data.subarray(points[i], end));
}

/** Every segment of an interchange in file order (UNB, UNG, UNH, …, UNZ). */
export function allSegments(interchange: Interchange): PositionedSegment[] {
  const messages = (list: Interchange['messages']): PositionedSegment[] =>
    list.flatMap((m) => [m.header, ...m.segments, m.trailer]);
  const body = interchange.groups
    ? interchange.groups.flatMap((g) => [g.header, ...messages(g.messages), g.trailer])
    : messages(interchange.messages);
  return [interchange.header, ...body, interchange.trailer];
}
