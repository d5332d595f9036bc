import { describe, expect, it } from 'vitest';
import { firstUnsendableCharacter, formatNumber, isLatin9Printable } from './text';

describe('text helpers', () => {
  it('knows ISO-8859-15: € and œ in, ¤ and typographic quotes out', () => {
    for (const char of ['a', 'é', '€', 'œ', 'Œ', 'Ÿ', '«', '°'])
      expect(isLatin9Printable(char)).toBe(true);
    for (const char of ['¤', '½', '’', '“', '—', '…', '\t', '😀'])
      expect(isLatin9Printable(char)).toBe(false);
    expect(firstUnsendableCharacter('ligne 1\nligne 2', true)).toBeUndefined();
    expect(firstUnsendableCharacter('ligne 1\nligne 2')).toBe('\n');
  });

  it('writes numbers the French way in messages', () => {
    expect(formatNumber(1200.5)).toBe('1200,50');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(0.125)).toBe('0,125');
  });
});
