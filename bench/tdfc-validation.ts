// Measures @passerelle/tdfc: validateDeclaration per declaration on the two known-answer fixtures
// (median and p95 over many runs) and on one declaration of each régime of LIASSE_CASES (its
// liasse, every single amount cell filled with 1,000, so every coherence rule is computed; such a
// declaration has anomalies, which is the work measured), then, on one INFENT-DF interchange of `copies` copies of each
// fixture with varied Luhn-valid SIRENs (2,000 each by default: 4,000 messages, ~19 MiB, UNOL),
// the throughput of writeInfentInterchange, readInfentInterchange (whole file) and
// streamInfentDeclarations (64 KiB chunks), and of node-edifact's bare Parser on the same bytes
// (the `edifact` npm package, taught UNOL by packages/edifact's testing entry; it only cuts
// segments, where our readers also build and check the declarations).
// Last, the check and dictionary build time of each campaign pack (bench/support/pack-build.ts).
// Run: npx tsx bench/tdfc-validation.ts [copies] [runs] [validations]
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  LIASSE_CASES,
  liasseForms,
  loadDictionary,
  newDeclaration,
  readInfentInterchange,
  streamInfentDeclarations,
  validateDeclaration,
  writeInfentInterchange,
  type Declaration,
  type InfentEnvelope,
  type NadValue,
} from '@passerelle/tdfc';
import { readFixture, testSiren } from '@passerelle/tdfc/testing';
import { parseWithOracle } from '@passerelle/edifact/testing';
import { printPackBuildTimes } from './support/pack-build';
import { formatRate, throughput, type Rate } from './support/throughput';

const copies = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 5);
const validations = Number(process.argv[4] ?? 2000);
const MIB = 1024 * 1024;
const FIXTURES = ['liasseSimplifiee', 'reelNormal'] as const;

const dictionary = loadDictionary('2025');

function declarations(): Declaration[] {
  return Array.from({ length: copies * FIXTURES.length }, (_, i) => {
    const declaration = readFixture(FIXTURES[i % FIXTURES.length] ?? 'reelNormal');
    declaration.siren = testSiren(i);
    (declaration.forms['F-IDENTIF']?.[0]?.AA as NadValue).id = declaration.siren;
    return declaration;
  });
}

const envelope: InfentEnvelope = {
  firm: { siret: '73282932000074', name: 'CABINET BENCH', address: { city: 'LYON' } },
  partner: { number: '1234567', name: 'PARTENAIRE' },
  controlReference: '25031409300001',
  preparedAt: new Date('2025-03-14T08:30:00Z'),
  test: true,
  software: { editor: 'PASSERELLE', name: 'PASSERELLE', version: 'bench' },
  attestation: '2025.01.0001',
};

/** Median and p95 in milliseconds of `validations` timed calls (after as many warm-up calls). */
function validationTimes(
  declaration: Declaration,
  clean = true,
): { median: number; p95: number; anomalies: number } {
  for (let i = 0; i < validations; i += 1) validateDeclaration(dictionary, declaration);
  const times: number[] = [];
  for (let i = 0; i < validations; i += 1) {
    const start = performance.now();
    const anomalies = validateDeclaration(dictionary, declaration);
    times.push(performance.now() - start);
    if (clean && anomalies.length > 0) throw new Error('the fixture should validate clean');
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return {
    median: at(0.5),
    p95: at(0.95),
    anomalies: validateDeclaration(dictionary, declaration).length,
  };
}

const validation = FIXTURES.map((name) => ({ name, ...validationTimes(readFixture(name)) }));

/** A declaration of the case's first régime, exercise 2024: its liasse, amounts all 1,000. */
function regimeDeclaration(item: (typeof LIASSE_CASES)[number]): Declaration {
  const facts = {
    taxation: item.taxation,
    category: item.categories[0] ?? 'BI',
    regime: item.regimes[0] ?? 'RS',
  };
  const declaration = newDeclaration({
    siren: testSiren(0),
    name: 'SOCIETE BENCH',
    address: { city: 'LYON', postcode: '69001', country: 'FR' },
    exercise: { start: '2024-01-01', end: '2024-12-31' },
    ...facts,
  });
  for (const form of liasseForms(dictionary, declaration.millesime, facts)) {
    const cells = dictionary
      .cells(declaration.millesime, form)
      .filter((cell) => cell.segment === 'MOA' && !cell.repeatable);
    declaration.forms[form] = [Object.fromEntries(cells.map((cell) => [cell.code, 1000]))];
  }
  return declaration;
}
const regimes = LIASSE_CASES.map((item) => {
  const declaration = regimeDeclaration(item);
  return {
    name: item.label,
    forms: Object.keys(declaration.forms).length,
    ...validationTimes(declaration, false),
  };
});

const input = declarations();
const data = writeInfentInterchange(dictionary, input, envelope);
const count = input.length;
const write = await throughput(data.length, runs, () =>
  writeInfentInterchange(dictionary, input, envelope),
);
const read = await throughput(data.length, runs, () => {
  const read = readInfentInterchange(dictionary, data).declarations.length;
  if (read !== count) throw new Error(`read ${read} declarations`);
});
async function* chunks(): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += 64 * 1024) yield data.subarray(at, at + 64 * 1024);
}
const stream = await throughput(data.length, runs, async () => {
  let read = 0;
  for await (const declaration of streamInfentDeclarations(dictionary, chunks()))
    if (declaration.siren) read += 1;
  if (read !== count) throw new Error(`streamed ${read} declarations`);
});
let segments = 0;
const oracle = await throughput(data.length, runs, () => {
  const all = parseWithOracle(new TextDecoder('iso-8859-15').decode(data), 'UNOL');
  segments = all.length;
});

console.log(`tdfc bench — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one core`);
for (const { name, median, p95 } of validation)
  console.log(
    `validateDeclaration ${name}: median ${(median * 1000).toFixed(0)} µs, p95 ` +
      `${(p95 * 1000).toFixed(0)} µs over ${validations} runs`,
  );
for (const { name, forms, median, p95, anomalies } of regimes)
  console.log(
    `validateDeclaration ${name} (${forms} forms, ${anomalies} anomalies): median ` +
      `${(median * 1000).toFixed(0)} µs, p95 ${(p95 * 1000).toFixed(0)} µs over ${validations} runs`,
  );
console.log(
  `interchange: ${(data.length / MIB).toFixed(1)} MiB, ${count} declarations (${copies} copies of ` +
    `each fixture), ${segments.toLocaleString('en')} segments, UNOL; median (min–max) of ${runs} runs`,
);
console.log(`writeInfentInterchange:                          ${formatRate(write)}`);
console.log(`readInfentInterchange (whole file, declarations): ${formatRate(read)}`);
console.log(`streamInfentDeclarations (64 KiB chunks):        ${formatRate(stream)}`);
console.log(`node-edifact Parser (decode + bare callbacks):   ${formatRate(oracle)}`);
const ratio = (ours: Rate): string => `${(ours.median / oracle.median).toFixed(1)}×`;
console.log(
  `vs node-edifact's Parser: read ${ratio(read)}, stream ${ratio(stream)}, write ${ratio(write)}`,
);
printPackBuildTimes();
