import { describe, expect, it } from 'vitest';
import {
  amountMessages,
  cellInputId,
  cellInputKind,
  cellInputName,
  cellInputText,
  displayCellValue,
  entryRows,
  formatAmount,
  parseAmount,
  parseCellInput,
  parseDecimal,
  parseInteger,
  sameEntry,
  withRow,
} from './declaration-cells';

const tbx = [{ value: 'X', label: 'Case cochée (selon formulaire)' }];

describe('parseAmount', () => {
  it('reads whole euros typed the French way', () => {
    expect(parseAmount('1 200')).toEqual({ ok: true, value: 1200 });
    expect(parseAmount('1200')).toEqual({ ok: true, value: 1200 });
    expect(parseAmount(' 35\u00a0000 ')).toEqual({ ok: true, value: 35000 });
    expect(parseAmount('1\u202f234\u202f567')).toEqual({ ok: true, value: 1234567 });
    expect(parseAmount('0')).toEqual({ ok: true, value: 0 });
    expect(parseAmount('007')).toEqual({ ok: true, value: 7 });
  });

  it('empties the cell when nothing is typed', () => {
    expect(parseAmount('')).toEqual({ ok: true, value: null });
    expect(parseAmount('   ')).toEqual({ ok: true, value: null });
  });

  it('refuses decimals with "Montant en euros entiers."', () => {
    expect(parseAmount('12,5')).toEqual({ ok: false, message: 'Montant en euros entiers.' });
    expect(parseAmount('12.50')).toEqual({ ok: false, message: amountMessages.notWhole });
    expect(parseAmount('1 200,00')).toEqual({ ok: false, message: amountMessages.notWhole });
  });

  it('refuses what is not a number', () => {
    expect(parseAmount('douze')).toEqual({ ok: false, message: amountMessages.notNumber });
    expect(parseAmount('12e3')).toEqual({ ok: false, message: amountMessages.notNumber });
    expect(parseAmount('-')).toEqual({ ok: false, message: amountMessages.notNumber });
  });

  it('accepts a negative amount only where the cell is signed', () => {
    expect(parseAmount('-350', true)).toEqual({ ok: true, value: -350 });
    expect(parseAmount('\u22121 000', true)).toEqual({ ok: true, value: -1000 });
    expect(parseAmount('-350', false)).toEqual({ ok: false, message: amountMessages.negative });
    expect(parseAmount('-0', false)).toEqual({ ok: true, value: 0 });
  });

  it('refuses amounts too large to stay exact', () => {
    expect(parseAmount('1234567890123456')).toEqual({
      ok: false,
      message: amountMessages.tooLarge,
    });
    expect(parseAmount('123456789012345')).toEqual({ ok: true, value: 123456789012345 });
  });
});

describe('formatAmount', () => {
  it('groups thousands with plain spaces', () => {
    expect(formatAmount(1200)).toBe('1 200');
    expect(formatAmount(-35000)).toBe('-35 000');
    expect(formatAmount(999)).toBe('999');
    expect(formatAmount(1234567)).toBe('1 234 567');
    expect(parseAmount(formatAmount(-1234567))).toEqual({ ok: true, value: -1234567 });
  });
});

describe('other numbers', () => {
  it('reads counts and years as integers', () => {
    expect(parseInteger('2024')).toEqual({ ok: true, value: 2024 });
    expect(parseInteger('')).toEqual({ ok: true, value: null });
    expect(parseInteger('12,5').ok).toBe(false);
  });

  it('reads quantities and percentages with a decimal comma', () => {
    expect(parseDecimal('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(parseDecimal('3.25')).toEqual({ ok: true, value: 3.25 });
    expect(parseDecimal('-1').ok).toBe(false);
    expect(cellInputText('decimal', 12.5)).toBe('12,5');
  });
});

describe('cellInputKind', () => {
  it('chooses the input from the segment', () => {
    const cell = { values: null, dateFormat: null };
    expect(cellInputKind({ ...cell, segment: 'MOA' })).toBe('amount');
    expect(cellInputKind({ ...cell, segment: 'FTX' })).toBe('text');
    expect(cellInputKind({ ...cell, segment: 'QTY' })).toBe('decimal');
    expect(cellInputKind({ ...cell, segment: 'PCD' })).toBe('decimal');
    for (const segment of ['NAD', 'RFF', 'CUX', 'CPT'])
      expect(cellInputKind({ ...cell, segment })).toBe('readonly');
  });

  it('makes a checkbox of a TBX "X" box (néant), a list of other coded values', () => {
    expect(cellInputKind({ segment: 'CCI', values: tbx, dateFormat: null })).toBe('checkbox');
    const tbs = [
      { value: 'IR', label: 'Impôt sur le revenu' },
      { value: 'IS', label: 'Impôt sur les sociétés' },
    ];
    expect(cellInputKind({ segment: 'CCI', values: tbs, dateFormat: null })).toBe('select');
    expect(cellInputKind({ segment: 'CCI', values: null, dateFormat: null })).toBe('readonly');
  });

  it('makes a date input of DTM 102, a number of years and counts, nothing else', () => {
    expect(cellInputKind({ segment: 'DTM', values: null, dateFormat: '102' })).toBe('date');
    expect(cellInputKind({ segment: 'DTM', values: null, dateFormat: '602' })).toBe('integer');
    expect(cellInputKind({ segment: 'DTM', values: null, dateFormat: '802' })).toBe('integer');
    expect(cellInputKind({ segment: 'DTM', values: null, dateFormat: '718' })).toBe('readonly');
  });
});

describe('parseCellInput and cellInputText', () => {
  it('reads each kind of input', () => {
    expect(parseCellInput('amount', '1 200', false)).toEqual({ ok: true, value: 1200 });
    expect(parseCellInput('checkbox', 'X', false)).toEqual({ ok: true, value: 'X' });
    expect(parseCellInput('checkbox', '', false)).toEqual({ ok: true, value: null });
    expect(parseCellInput('date', '2025-12-31', false)).toEqual({ ok: true, value: '2025-12-31' });
    expect(parseCellInput('date', '31/12/2025', false).ok).toBe(false);
    expect(parseCellInput('text', 'Ligne 1\r\nLigne 2', false)).toEqual({
      ok: true,
      value: 'Ligne 1\nLigne 2',
    });
    expect(parseCellInput('text', '  ', false)).toEqual({ ok: true, value: null });
  });

  it('shows stored values in their input', () => {
    expect(cellInputText('amount', 1200)).toBe('1 200');
    expect(cellInputText('amount', null)).toBe('');
    expect(cellInputText('date', '2025-12-31')).toBe('2025-12-31');
    expect(cellInputText('readonly', '2025-12-31')).toBe('31/12/2025');
    const tbs = { values: [{ value: 'IS', label: 'Impôt sur les sociétés' }] };
    expect(cellInputText('readonly', 'IS', tbs)).toBe('IS — Impôt sur les sociétés');
    expect(
      cellInputText('readonly', {
        id: '732829320',
        name: 'Boulangerie',
        city: 'Paris',
        postcode: '75011',
      }),
    ).toBe('732829320, Boulangerie, 75011 Paris');
  });

  it('reads numbers of read-only cells in French', () => {
    expect(displayCellValue(1234.5)).toBe(new Intl.NumberFormat('fr-FR').format(1234.5));
    expect(displayCellValue('EUR')).toBe('EUR');
  });
});

describe('repeatable cells', () => {
  it('sets one row, padding with empty rows and dropping trailing ones', () => {
    expect(withRow(undefined, 0, 5)).toEqual([5]);
    expect(withRow([5], 2, 7)).toEqual([5, null, 7]);
    expect(withRow([5, null, 7], 2, null)).toEqual([5]);
    expect(withRow([5], 0, null)).toBeNull();
    expect(entryRows(12)).toEqual([12]);
    expect(entryRows(null)).toEqual([]);
  });

  it('compares entries by value', () => {
    expect(sameEntry([1, null], [1, null])).toBe(true);
    expect(sameEntry(undefined, null)).toBe(true);
    expect(sameEntry(1, '1')).toBe(false);
  });
});

describe('cell ids and names', () => {
  it('gives the id anomalies link to', () => {
    expect(cellInputId('2033A', 'JD')).toBe('cell-2033A-JD');
    expect(cellInputId('2033C', 'KA', 1)).toBe('cell-2033C-2-KA');
    expect(cellInputId('2033F', 'BD', 0, 2)).toBe('cell-2033F-BD-ligne-3');
  });

  it('names an input by its code and label', () => {
    expect(cellInputName({ code: 'FG', label: 'Résultat de l’exercice' })).toBe(
      'FG — Résultat de l’exercice',
    );
    expect(cellInputName({ code: 'BD', label: 'Nombre de parts' }, 1)).toBe(
      'BD — Nombre de parts, ligne 2',
    );
    expect(cellInputName({ code: 'ZZ', label: 'ZZ' })).toBe('ZZ');
  });
});
