import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from './decimal';
import { EdifactError } from './edifact-error';
import { DEFAULT_SERVICE_CHARS } from './service-chars';
import { DGFIP_CHARS } from './testing/sample-interchange';

describe('formatDecimal', () => {
  it('writes the decimal mark declared in UNA', () => {
    expect(formatDecimal(1234.5, DGFIP_CHARS)).toBe('1234,5');
    expect(formatDecimal(-0.25, DGFIP_CHARS)).toBe('-0,25');
    expect(formatDecimal(1234.5, DEFAULT_SERVICE_CHARS)).toBe('1234.5');
    expect(formatDecimal(42n, DGFIP_CHARS)).toBe('42');
    expect(formatDecimal('-1000.00', DGFIP_CHARS)).toBe('-1000,00');
  });

  it('never writes an exponent', () => {
    expect(formatDecimal(1e21, DGFIP_CHARS)).toBe('1000000000000000000000');
    expect(formatDecimal(1.5e-7, DGFIP_CHARS)).toBe('0,00000015');
    expect(formatDecimal(-0, DGFIP_CHARS)).toBe('0');
  });

  it('refuses what is not a plain decimal number', () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '1e5',
      '+1',
      '1 000',
      '1,5',
      '.5',
      '5.',
    ]) {
      expect(() => formatDecimal(bad, DGFIP_CHARS)).toThrow(EdifactError);
    }
  });
});

describe('parseDecimal', () => {
  it('reads the declared decimal mark only', () => {
    expect(parseDecimal('1234,50', DGFIP_CHARS)).toBe(1234.5);
    expect(parseDecimal('-7', DGFIP_CHARS)).toBe(-7);
    expect(() => parseDecimal('1234.50', DGFIP_CHARS)).toThrow(
      '« 1234.50 » n’est pas un nombre EDIFACT (chiffres, signe moins en tête et marque décimale ' +
        '« , » seulement, sans séparateur de milliers ni exposant).',
    );
  });

  it('refuses thousands separators, exponents, signs and lone marks', () => {
    for (const bad of [
      '1 234,5',
      '1.234,5',
      '1e3',
      '1E3',
      '+5',
      '',
      ',5',
      '5,',
      '--1',
      '1,2,3',
      'Infinity',
    ]) {
      expect(() => parseDecimal(bad, DGFIP_CHARS)).toThrow(EdifactError);
    }
  });

  it('round-trips every finite number (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseDecimal(formatDecimal(n, DGFIP_CHARS), DGFIP_CHARS)).toBe(
          Object.is(n, -0) ? 0 : n,
        );
      }),
      { numRuns: 2000 },
    );
  });
});
