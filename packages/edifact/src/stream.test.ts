import { Buffer } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeText } from './charsets';
import { writeInterchange } from './interchange-write';
import { formatSegment } from './segment-format';
import { formatUna } from './service-chars';
import { streamInterchange } from './stream';
import { readOutcome, split, streamOutcome } from './testing/collect';
import { DGFIP_CHARS, bytes, sampleInput, sampleMessage } from './testing/sample-interchange';

const SAMPLE = writeInterchange(sampleInput(2, 2));

describe('streamInterchange', () => {
  it('yields the envelope events in file order', async () => {
    const { events, ok } = await streamOutcome([SAMPLE]);
    expect(ok).toBe(true);
    expect(events.map((e) => e.type)).toEqual([
      'interchange-start',
      'group-start',
      'message',
      'message',
      'group-end',
      'interchange-end',
    ]);
  });

  it('gives the same interchange for a file cut at every possible byte', async () => {
    const whole = readOutcome(SAMPLE);
    expect(whole.ok).toBe(true);
    for (let cut = 0; cut <= SAMPLE.length; cut += 1) {
      const { events: _events, ...outcome } = await streamOutcome(split(SAMPLE, [cut]));
      expect(outcome, `cut at ${cut}`).toEqual(whole);
    }
    const { events: _events, ...byteByByte } = await streamOutcome(
      Array.from(SAMPLE, (b) => Uint8Array.of(b)),
    );
    expect(byteByByte).toEqual(whole);
  });

  it('waits for the next chunk when one ends on a release character', async () => {
    const released = SAMPLE.indexOf(0x3f, 9); // the ? of D?'EXPERTISE (not UNA's)
    expect(Buffer.from(SAMPLE.subarray(released, released + 2)).toString()).toBe("?'");
    const outcome = await streamOutcome(split(SAMPLE, [released + 1]));
    if (!outcome.ok) throw new Error(String(outcome.error.message));
    expect(outcome.interchange.messages[0]?.segments[0]?.elements[1]).toBe(
      "D'EXPERTISE + ASSOCIÉS",
    );
  });

  it('refuses a file ending on a release character, like readInterchange', async () => {
    const data = bytes("UNB+UNOA:3+S+R+1:2+X'UNH+1+T'FTX+A?");
    const whole = readOutcome(data);
    expect(whole).toMatchObject({ ok: false, error: { code: 'RELEASE_AT_END', offset: 34 } });
    expect(await streamOutcome(split(data, [34]))).toMatchObject(whole);
  });

  it('reads from a Node file stream in small chunks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edifact-'));
    try {
      const file = join(dir, 'interchange.edi');
      await writeFile(file, SAMPLE);
      const { events: _events, ...outcome } = await streamOutcome(
        createReadStream(file, { highWaterMark: 7 }),
      );
      expect(outcome).toEqual(readOutcome(SAMPLE));
      const asText = createReadStream(file, { encoding: 'latin1' });
      expect(await streamOutcome(asText)).toMatchObject({
        ok: false,
        error: { code: 'INPUT_INVALID' },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports the same first error as readInterchange, after the messages before it', async () => {
    const text = Buffer.from(SAMPLE).toString('latin1').replace("UNT+9+00002'", "UNT+10+00002'");
    const data = bytes(text);
    const whole = readOutcome(data);
    expect(whole).toMatchObject({ ok: false, error: { code: 'COUNT_MISMATCH', tag: 'UNT' } });
    const streamed = await streamOutcome(split(data, [100, 200, 300]));
    expect(streamed).toMatchObject(whole);
    expect(streamed.events.filter((e) => e.type === 'message')).toHaveLength(1);
  });

  it('streams a generated file of more than 10 MB message by message', async () => {
    const MESSAGES = 3_000;
    const segmentsPerMessage = sampleMessage('1', 66).segments;
    let produced = 0;
    /** Produces the file piece by piece: it never exists whole in memory. */
    async function* generate(): AsyncGenerator<Uint8Array> {
      const head = formatUna(DGFIP_CHARS) + "UNB+UNOL:3+S+R+250314:0930+BIG'";
      yield encodeText(head, 'UNOL');
      for (let m = 1; m <= MESSAGES; m += 1) {
        const ref = String(m);
        const text = [
          { tag: 'UNH', elements: [ref, ['INFENT', 'D', '00B', 'UN']] },
          ...segmentsPerMessage,
          { tag: 'UNT', elements: [String(segmentsPerMessage.length + 2), ref] },
        ]
          .map((s) => formatSegment(s, DGFIP_CHARS))
          .join('');
        const chunk = encodeText(text, 'UNOL');
        produced += chunk.length;
        yield chunk;
      }
      yield encodeText(`UNZ+${MESSAGES}+BIG'`, 'UNOL');
    }
    let messages = 0;
    let last = '';
    for await (const event of streamInterchange(generate())) {
      if (event.type === 'message') {
        messages += 1;
        expect(event.message.segments).toHaveLength(segmentsPerMessage.length);
      }
      last = event.type;
    }
    expect(produced).toBeGreaterThan(10 * 1024 * 1024);
    expect(messages).toBe(MESSAGES);
    expect(last).toBe('interchange-end');
  });

  it('stops a stream larger than maxInterchangeSize', async () => {
    const outcome = await streamOutcome(split(SAMPLE, [100, 200]), { maxInterchangeSize: 150 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERCHANGE_TOO_LARGE' } });
  });
});
