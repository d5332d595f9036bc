import type { ReadOptions, StreamEvent } from './interchange';
import { InterchangeReader } from './interchange-reader';

/**
 * Reads an interchange as its bytes arrive (a Node Readable, a web ReadableStream, any iterable
 * of Uint8Array chunks) and yields events in file order: 'interchange-start' (UNB), 'group-start',
 * one 'message' per checked UNH…UNT, 'group-end', then 'interchange-end' once UNZ is checked and
 * the source is exhausted. Memory holds one message and one unfinished segment, not the file.
 * The checks and the first error are those of readInterchange (EdifactError only, for the
 * content; an error of the source itself, e.g. a disk read, passes through unchanged).
 */
export async function* streamInterchange(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options?: ReadOptions,
): AsyncGenerator<StreamEvent, void, undefined> {
  const reader = new InterchangeReader(options);
  for await (const chunk of source) {
    yield* reader.push(chunk);
  }
  yield* reader.end();
}
