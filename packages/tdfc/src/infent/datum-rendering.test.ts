import { formatSegment } from '@passerelle/edifact';
import { describe, expect, it } from 'vitest';
import type { DeclaredValue } from '../cells';
import { dictionary } from '../testing/declarations';
import type { CellValue } from '../model';
import {
  DEFAULT_DATUM_RENDERER,
  createDatumRenderer,
  formatDatumKey,
  parseDatumKey,
  type DatumRenderer,
} from './datum-rendering';
import { DEFAULT_INFENT_PROFILE } from './envelope-config';
import { DatumError } from './infent-error';

const chars = DEFAULT_INFENT_PROFILE.serviceChars;

function declared(formId: string, code: string, value: CellValue, row = 0, occ = 0): DeclaredValue {
  const cell = dictionary.cell('25', formId, code);
  if (!cell) throw new Error(`${formId}/${code} absent du dictionnaire`);
  return { formId, formOccurrence: occ, code, valueIndex: row, value, cell, segment: cell.segment };
}

const resolve = (key: { formId: string; code: string }) =>
  dictionary.cell('25', key.formId, key.code)!;

/** Renders then parses back; returns the text after SEQ and IND, and the value read. */
function roundTrip(datum: DeclaredValue, renderer: DatumRenderer = DEFAULT_DATUM_RENDERER) {
  const segments = renderer.render(datum, { sequence: 7, chars });
  const { datum: parsed, next } = renderer.parse(segments, 0, { chars, resolve });
  expect(next).toBe(segments.length);
  expect(parsed).toEqual({
    formId: datum.formId,
    millesime: '25',
    formOccurrence: datum.formOccurrence,
    valueIndex: datum.valueIndex,
    code: datum.code,
    value: datum.value,
  });
  return segments.map((s) => formatSegment(s, chars)).join('');
}

describe('default datum rendering (edi-tdfc §2.9)', () => {
  it.each([
    ['MOA signed amount', declared('2033A', 'FG', -1200), "MOA+ZZZ:-1200'"],
    ['QTY with decimals', declared('2033F', 'GV', 2.5), "QTY+ZZZ:2,5'"],
    ['PCD on row 2', declared('2033F', 'BR', 33.33, 1), "PCD+ZZZ:33,33'"],
    ['CCI ticked box', declared('2033D', 'PF', 'X'), "CCI+ZZZ++X'"],
    ['DTM 102', declared('F-IDENTIF', 'CB', '2024-12-31'), "DTM+ZZZ:20241231:102'"],
    ['DTM 602', declared('2082', 'AJ', 2024), "DTM+ZZZ:2024:602'"],
    ['DTM 801', declared('2028A', 'AD', 3), "DTM+ZZZ:3:801'"],
    ['DTM 802', declared('F-IDENTIF', 'CC', 12), "DTM+ZZZ:12:802'"],
    [
      'DTM 718',
      declared('DEMAGRECOR', 'AU', '2024-01-01/2024-12-31'),
      "DTM+ZZZ:20240101-20241231:718'",
    ],
    [
      'FTX two lines',
      declared('2065', 'AQ', "Négoce\nL'autre: +?"),
      "FTX+ZZZ+++Négoce:L?'autre?: ?+??'",
    ],
    ['RFF', declared('F-IDENTIF', 'KD', 'IS1'), "RFF+ZZZ:IS1'"],
    ['CPT', declared('OGBNC05', 'AA', '512000', 2), "CPT+ZZZ+512000'"],
    ['CUX', declared('F-IDENTIF', 'DA', 'EUR'), "CUX+ZZZ:EUR'"],
    [
      'NAD complete, with a phone',
      declared('2033F', 'BA', {
        id: '12345678200010',
        name: 'MARTIN',
        name2: 'JEAN',
        name3: 'GÉRANT',
        street: '4 RUE DU FOUR',
        complement: 'BAT B',
        locality: 'LES BROTTEAUX',
        city: 'LYON',
        postcode: '69004',
        country: 'FR',
        phone: '0478000000',
      }),
      "NAD+ZZZ+12345678200010:100:107++MARTIN:JEAN:GÉRANT+4 RUE DU FOUR:BAT B:LES BROTTEAUX+LYON++69004+FR'COM+0478000000:TE'",
    ],
    [
      'NAD name and city',
      declared('2033F', 'BG', { name3: 'SCI', city: 'LYON' }),
      "NAD+ZZZ+++::SCI++LYON'",
    ],
  ])('%s', (_name, datum, expected) => {
    const text = roundTrip(datum);
    const key = formatDatumKey({ ...datum, millesime: '25' });
    expect(text).toBe(`SEQ+7'IND+${key}'${expected}`);
  });

  it('writes the 25-character key: form padded to 10, occurrences from 1', () => {
    expect(formatDatumKey({ ...declared('2033F', 'BR', 60, 1, 2), millesime: '25' })).toBe(
      '2033F     2500030002BRPCD',
    );
    expect(parseDatumKey('F-IDENTIF 2500010001AANAD')).toEqual({
      formId: 'F-IDENTIF',
      millesime: '25',
      formOccurrence: 0,
      valueIndex: 0,
      code: 'AA',
      segment: 'NAD',
    });
    for (const bad of [
      '2033A     2500000001FGMOA',
      '2033A 2500010001FGMOA',
      '          2500010001FGMOA',
    ])
      expect(parseDatumKey(bad)).toBeUndefined();
    expect(() =>
      formatDatumKey({ ...declared('2033F', 'BR', 1, 10_000), millesime: '25' }),
    ).toThrow(DatumError);
  });

  it('can write the dictionary qualifiers instead of ZZZ, which the default reads too', () => {
    const renderer = createDatumRenderer((cell) => cell.qualifier ?? 'ZZZ');
    const datum = declared('F-IDENTIF', 'AA', { id: '843217654', name: 'X' });
    expect(roundTrip(datum, renderer)).toContain("NAD+DT+843217654:100:107++X'");
    const segments = renderer.render(datum, { sequence: 1, chars });
    expect(DEFAULT_DATUM_RENDERER.parse(segments, 0, { chars, resolve }).datum.value).toEqual(
      datum.value,
    );
  });

  it('refuses values it cannot write', () => {
    const render = (datum: DeclaredValue) => () =>
      DEFAULT_DATUM_RENDERER.render(datum, { sequence: 1, chars });
    expect(render(declared('2033A', 'FG', Number.NaN))).toThrow('nombre attendu');
    expect(render(declared('F-IDENTIF', 'CB', '20241231'))).toThrow('date AAAA-MM-JJ attendue');
    expect(render(declared('2082', 'AJ', 2024.5))).toThrow('entier positif attendu (format 602)');
    expect(render(declared('2065', 'AQ', 'a\nb\nc\nd\ne\nf'))).toThrow('texte de 6 lignes');
    expect(render(declared('2033F', 'BA', { nom: 'X' } as never))).toThrow(
      'composant d’adresse inconnu « nom »',
    );
  });
});
