import { describe, expect, it } from 'vitest';
import { isValidSiren, isValidSiret } from './siret';

describe('SIREN and SIRET checks', () => {
  it('accepts Luhn-valid numbers and refuses a changed digit', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
  });

  it('applies the La Poste exception (sum of digits multiple of 5)', () => {
    expect(isValidSiret('35600000000048')).toBe(true); // the head office, Luhn-valid
    expect(isValidSiret('35600000049832')).toBe(true); // an establishment: digit sum 40
    expect(isValidSiret('35600000049838')).toBe(false);
  });

  it('refuses anything but 14 digits', () => {
    for (const bad of [
      '',
      '7328293200007',
      '732829320000744',
      '7328293200007A',
      ' 73282932000074',
    ]) {
      expect(isValidSiret(bad)).toBe(false);
    }
  });
});
