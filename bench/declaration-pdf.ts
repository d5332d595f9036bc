// PDF render time per declaration (issue #16 §7): the declaration as on paper
// (apps/declarant-server/src/declarations/pdf/), rendered `runs` times for each fixture — the
// liasse simplifiée (2065, 2033-A…G as printed) and the réel normal (2050…2059-G as tables) —
// and for a liasse simplifiée whose every MOA box holds an amount. Prints the median and the
// 95th percentile, the pages and the size. Figures, never asserted.
// Run: npx tsx bench/declaration-pdf.ts [runs]
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { formLayout, loadDictionary, type Declaration } from '@passerelle/tdfc';
import { readFixture } from '@passerelle/tdfc/testing';
import {
  renderDeclarationPdf,
  type DeclarationPdfInput,
} from '@passerelle/declarant-server/testing';

const runs = Number(process.argv[2] ?? 50);
const dictionary = loadDictionary('2025');

function input(declaration: Declaration, testMode: boolean): DeclarationPdfInput {
  return {
    firm: { name: 'Cabinet Bench', siret: '73282932000074', testMode },
    dossier: { name: 'SOCIETE BENCH', siren: declaration.siren },
    exercise: { start: '2024-01-01', end: '2024-12-31' },
    millesime: declaration.millesime,
    status: 'Prête',
    createdAt: new Date('2025-03-14T08:30:00Z'),
    forms: Object.entries(declaration.forms).flatMap(([id, occurrences]) =>
      occurrences.map((values) => ({
        title: `Formulaire ${id}`,
        layout: formLayout(dictionary, declaration.millesime, id),
        cells: new Map(
          dictionary.cells(declaration.millesime, id).map((cell) => [cell.code, cell]),
        ),
        values,
      })),
    ),
  };
}

/** The liasse simplifiée with an amount in every MOA box (the fullest pages). */
function fullLiasse(): Declaration {
  const declaration = readFixture('liasseSimplifiee');
  for (const [id, occurrences] of Object.entries(declaration.forms)) {
    for (const cell of dictionary.cells(declaration.millesime, id)) {
      if (cell.segment !== 'MOA' || cell.repeatable) continue;
      for (const values of occurrences) values[cell.code] = 1_234_567;
    }
  }
  return declaration;
}

const pageCount = (bytes: Buffer) =>
  (bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

async function measure(name: string, declaration: Declaration): Promise<void> {
  const pdfInput = input(declaration, true);
  let bytes = await renderDeclarationPdf(pdfInput); // warm-up
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    bytes = await renderDeclarationPdf(pdfInput);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  console.log(
    `${name.padEnd(44)} ${at(0.5).toFixed(1).padStart(8)} ms ${at(0.95).toFixed(1).padStart(8)} ms` +
      `${String(pageCount(bytes)).padStart(7)} ${(bytes.length / 1024).toFixed(0).padStart(7)} Kio`,
  );
}

console.log(`Node ${process.version}, ${cpus().length} cœurs, ${runs} rendus par déclaration`);
console.log(
  `${'déclaration'.padEnd(44)} ${'médiane'.padStart(11)} ${'p95'.padStart(11)} ${'pages'.padStart(7)} ${'taille'.padStart(11)}`,
);
await measure('liasse simplifiée (fixture, 9 formulaires)', readFixture('liasseSimplifiee'));
await measure('liasse simplifiée, toutes les cases MOA', fullLiasse());
await measure('réel normal (fixture, tableaux)', readFixture('reelNormal'));
