// Measures @passerelle/edifact on an INFENT-like interchange of more than 10 MiB (5,000 messages of
// ~200 segments SEQ/IND/MOA+ZZZ by default): parse throughput of readInterchange and of
// streamInterchange (64 KiB chunks from memory), write throughput of writeInterchange, and, on the
// same bytes, node-edifact's (the `edifact` npm package) Reader.parse and bare event Parser.
// The file is UNOC so node-edifact reads it unpatched. Median of a few runs, after a warm-up, each
// run starting from a collected heap.
// Run: npx tsx bench/edifact-throughput.ts [messages] [runs]
import { Buffer } from 'node:buffer';
import { cpus } from 'node:os';
import {
  readInterchange,
  streamInterchange,
  writeInterchange,
  type MessageInput,
  type Segment,
  type WriteInterchangeInput,
} from '@passerelle/edifact';
import { parseWithOracle, readWithOracleReader, sampleInput } from '@passerelle/edifact/testing';
import { formatRate, throughput, type Rate } from './support/throughput';

const messageCount = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 5);
const DATA_PER_MESSAGE = 66; // SEQ + IND + MOA each: 1 BGM + 198 + UNH/UNT ≈ 201 segments
const MIB = 1024 * 1024;

/** One INFENT-like message: BGM then `DATA_PER_MESSAGE` × (SEQ, IND key, MOA amount). */
function message(n: number): MessageInput {
  const segments: Segment[] = [{ tag: 'BGM', elements: [['IDF', '71', '211'], `DOC${n}`] }];
  for (let i = 1; i <= DATA_PER_MESSAGE; i += 1) {
    const form = i % 2 === 0 ? '2033A     ' : '2033B     ';
    segments.push({ tag: 'SEQ', elements: [String(i)] });
    segments.push({ tag: 'IND', elements: [`${form}2500010001${String(i).padStart(2, '0')}MOA`] });
    segments.push({ tag: 'MOA', elements: [['ZZZ', `${(n * 37 + i * 101) % 100000},${i % 100}`]] });
  }
  return {
    reference: String(n).padStart(5, '0'),
    type: ['INFENT', 'D', '00B', 'UN', 'FD2501'],
    segments,
  };
}

/** The interchange to write: the sample's envelope in UNOC, one group of `messageCount` messages. */
function buildInput(): WriteInterchangeInput {
  const sample = sampleInput(0);
  const { agreementIdentifier, ...unb } = sample.unb; // UNOC without one, as node-edifact reads it
  return {
    ...sample,
    syntax: { identifier: 'UNOC', version: '3' },
    unb,
    groups: (sample.groups ?? []).map((group) => ({
      ...group,
      messages: Array.from({ length: messageCount }, (_, i) => message(i + 1)),
    })),
  };
}

// A full collection before each timed run, so that no run pays for the garbage of the one before
// (a read run leaves a dead tree of ~100 MB).
// The writer's input (a million segment objects) lives only while the writer is measured, so
// that the readers' collections do not have to walk it.
const { data, write } = await (async () => {
  const input = buildInput();
  const written = writeInterchange(input);
  return {
    data: written,
    write: await throughput(written.length, runs, () => writeInterchange(input)),
  };
})();
const segmentCount = 4 + messageCount * (1 + 3 * DATA_PER_MESSAGE + 2);

async function* chunks(): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += 64 * 1024) yield data.subarray(at, at + 64 * 1024);
}

const read = await throughput(data.length, runs, () => {
  const messages = readInterchange(data).messages.length;
  if (messages !== messageCount) throw new Error(`read ${messages} messages`);
});
const stream = await throughput(data.length, runs, async () => {
  let messages = 0;
  for await (const event of streamInterchange(chunks()))
    if (event.type === 'message') messages += 1;
  if (messages !== messageCount) throw new Error(`streamed ${messages} messages`);
});
const reader = await throughput(data.length, runs, () => {
  const segments = readWithOracleReader(Buffer.from(data).toString('latin1'));
  if (segments.length !== segmentCount) throw new Error(`node-edifact read ${segments.length}`);
});
const parser = await throughput(data.length, runs, () => {
  // node-edifact's fastest use: callbacks set on the instance, building the same arrays.
  const segments = parseWithOracle(Buffer.from(data).toString('latin1'), 'UNOC');
  if (segments.length !== segmentCount) throw new Error(`node-edifact parsed ${segments.length}`);
});

console.log(
  `edifact bench — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one core`,
);
console.log(
  `interchange: ${(data.length / MIB).toFixed(1)} MiB, ${messageCount} messages, ` +
    `${segmentCount.toLocaleString('en')} segments (UNOC, UNA:+,? '); median (min–max) of ${runs} runs`,
);
console.log(`readInterchange (all envelope and charset checks): ${formatRate(read)}`);
console.log(`streamInterchange (64 KiB chunks, same checks):   ${formatRate(stream)}`);
console.log(`writeInterchange (escape, counts, encode):         ${formatRate(write)}`);
console.log(`node-edifact Reader.parse (validating):            ${formatRate(reader)}`);
console.log(`node-edifact Parser, bare callbacks:               ${formatRate(parser)}`);
const ratio = (ours: Rate, theirs: Rate): string => `${(ours.median / theirs.median).toFixed(1)}×`;
console.log(
  `vs node-edifact (the issue aims at ≥ 5×): readInterchange ${ratio(read, reader)} its Reader, ` +
    `${ratio(read, parser)} its bare Parser; streamInterchange ${ratio(stream, reader)} its ` +
    `Reader, ${ratio(stream, parser)} its bare Parser`,
);
