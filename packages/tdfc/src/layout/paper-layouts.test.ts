import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../dictionary/load-dictionary';
import { PAPER_FORMS } from './forms';
import { computeLineTotal, lineTotals } from './line-totals';
import { OTHER_CELLS_TITLE, formLayout, rowLabel } from './resolve-layout';

const dictionary = loadDictionary('2025');
const MILLESIME = '25';

describe('paper layouts of the liasse simplifiée', () => {
  it('covers 2065 and 2033-A…G', () => {
    expect([...PAPER_FORMS.keys()].sort()).toEqual(
      ['2033A', '2033B', '2033C', '2033D', '2033E', '2033F', '2033G', '2065'].sort(),
    );
  });

  for (const spec of PAPER_FORMS.values()) {
    it(`places every cell of ${spec.form} exactly once, or lists it as outside`, () => {
      const codes = dictionary.cells(MILLESIME, spec.form).map((cell) => cell.code);
      expect(codes.length).toBeGreaterThan(0);
      const written = spec.sections.flatMap((section) =>
        section.rows.flatMap((row) => row.cells.filter((code): code is string => code !== null)),
      );
      const outside = spec.outside ?? [];
      // Each code written once, and only codes the form has.
      expect(written.length).toBe(new Set(written).size);
      expect(written.filter((code) => !codes.includes(code))).toEqual([]);
      expect(outside.filter((code) => written.includes(code))).toEqual([]);
      expect([...written, ...outside].sort()).toEqual([...codes].sort());
      // So the resolved layout has no leftover section.
      const layout = formLayout(dictionary, MILLESIME, spec.form);
      expect(layout.kind).toBe('paper');
      const leftover = layout.sections.find((section) => section.title === OTHER_CELLS_TITLE);
      expect(leftover?.rows.flatMap((row) => row.cells) ?? []).toEqual(outside);
    });

    it(`gives ${spec.form} rows as wide as their section's columns, with labels`, () => {
      for (const section of formLayout(dictionary, MILLESIME, spec.form).sections) {
        for (const row of section.rows) {
          expect(row.cells.length).toBe(Math.max(1, section.columns.length));
          expect(row.label.trim()).not.toBe('');
        }
      }
    });
  }

  it('lays 2033-A out as on paper: brut, amortissements and net side by side', () => {
    const layout = formLayout(dictionary, MILLESIME, '2033A');
    const assets = layout.sections[0];
    expect(assets?.columns).toEqual(['Brut', 'Amortissements et provisions', 'Net']);
    expect(assets?.rows[0]).toEqual({
      label: 'Immobilisations incorporelles, fonds commercial',
      cells: ['AA', 'BA', 'CA'],
      total: false,
    });
    const totalRow = assets?.rows.find((row) => row.cells[0] === 'AE');
    expect(totalRow).toMatchObject({ label: "Total I de l'actif immobilisé", total: true });
    // 15 lines of 3 columns instead of 45 rows.
    expect(layout.sections.slice(0, 2).flatMap((section) => section.rows)).toHaveLength(15);
  });

  it('keeps a row whose millésime lacks some cells, and drops a row that has none', () => {
    // Millésime 23 predates some boxes of 2033-A (AS, AT, AU…): their rows disappear.
    const codes = new Set(dictionary.cells('23', '2033A').map((cell) => cell.code));
    const layout = formLayout(dictionary, '23', '2033A');
    const placed = layout.sections.flatMap((section) => section.rows.flatMap((row) => row.cells));
    expect(placed.filter((code) => code !== null && !codes.has(code))).toEqual([]);
  });

  it('lays out a form without a printed layout as a table of its cells in the form’s order', () => {
    const layout = formLayout(dictionary, MILLESIME, '2050');
    expect(layout.kind).toBe('table');
    expect(layout.sections).toHaveLength(1);
    expect(layout.sections[0]?.rows.map((row) => row.cells[0])).toEqual(
      dictionary.cells(MILLESIME, '2050').map((cell) => cell.code),
    );
  });
});

describe('row labels', () => {
  it('keeps the common start of the labels, cut at a word', () => {
    expect(rowLabel(['Stocks de marchandises, brut', 'Stocks de marchandises, net N'])).toBe(
      'Stocks de marchandises',
    );
    expect(
      rowLabel([
        'Autres immobilisations corporelles augmentations',
        'Autres immobilisations corporelles, diminutions',
      ]),
    ).toBe('Autres immobilisations corporelles');
    expect(rowLabel(['Capital social ou individuel'])).toBe('Capital social ou individuel');
  });
});

describe('line totals', () => {
  it('computes the 2033-A total of the fixed assets from its lines', () => {
    const total = lineTotals('2033A').find((line) => line.total === 'AE');
    expect(total).toBeDefined();
    const values: Record<string, number> = { AA: 1000, AC: 250, AD: 5 };
    expect(computeLineTotal(total!, (code) => values[code])).toBe(1255);
    expect(computeLineTotal(total!, () => undefined)).toBeUndefined();
  });

  it('computes the net line as brut minus amortissements', () => {
    const net = lineTotals('2033A').find((line) => line.total === 'CA');
    const values: Record<string, number> = { AA: 1000, BA: 300 };
    expect(computeLineTotal(net!, (code) => values[code])).toBe(700);
  });
});
