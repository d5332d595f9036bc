import { describe, expect, it } from 'vitest';
import { cellsOf } from './cells';
import { dictionary, simplified } from './testing/declarations';

describe('cellsOf', () => {
  const values = [...cellsOf(dictionary, simplified())];

  it('starts with F-IDENTIF, then follows the order of the campaign tables', () => {
    const forms = [...new Set(values.map((value) => value.formId))];
    expect(forms).toEqual([
      'F-IDENTIF',
      '2033A',
      '2033B',
      '2033C',
      '2033D',
      '2033E',
      '2033F',
      '2033G',
      '2065',
    ]);
    expect(values[0]).toMatchObject({
      formId: 'F-IDENTIF',
      code: 'AA',
      segment: 'NAD',
      qualifier: 'DT',
    });
  });

  it('gives what a segment needs: qualifier, table, date format', () => {
    expect(values.find((v) => v.formId === 'F-IDENTIF' && v.code === 'BB')).toMatchObject({
      segment: 'CCI',
      qualifier: 'FR',
      table: 'TRF',
      value: 'RS',
      formOccurrence: 0,
      valueIndex: 0,
    });
    expect(values.find((v) => v.formId === 'F-IDENTIF' && v.code === 'CC')).toMatchObject({
      segment: 'DTM',
      dateFormat: '802',
      value: 12,
    });
  });

  it('numbers the rows of repeatable cells and skips empty ones', () => {
    const birthDates = values.filter((v) => v.formId === '2033F' && v.code === 'BE');
    expect(birthDates.map((v) => [v.valueIndex, v.value])).toEqual([[0, '1975-03-14']]);
    const shares = values.filter((v) => v.formId === '2033F' && v.code === 'BD');
    expect(shares.map((v) => [v.valueIndex, v.value])).toEqual([
      [0, 600],
      [1, 400],
    ]);
  });

  it('skips what the dictionary does not know (the validator reports it)', () => {
    const declaration = simplified((d) => {
      d.forms['2099Z'] = [{ AA: 1 }];
      d.forms['2033A']![0]!.ZZ = 1;
    });
    const all = [...cellsOf(dictionary, declaration)];
    expect(all).toHaveLength(values.length);
  });
});
