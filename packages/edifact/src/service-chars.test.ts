import { describe, expect, it } from 'vitest';
import { EdifactError } from './edifact-error';
import {
  DEFAULT_SERVICE_CHARS,
  checkServiceChars,
  formatUna,
  parseUna,
  type ServiceChars,
} from './service-chars';

describe('UNA service string advice', () => {
  it('reads the ISO 9735 defaults and the DGFiP decimal comma', () => {
    expect(parseUna("UNA:+.? '")).toEqual(DEFAULT_SERVICE_CHARS);
    expect(parseUna("UNA:+,? 'UNB")).toEqual({ ...DEFAULT_SERVICE_CHARS, decimal: ',' });
  });

  it('reads custom separators and writes them back', () => {
    const chars = parseUna('UNA*~,! "');
    expect(chars).toEqual({
      component: '*',
      element: '~',
      decimal: ',',
      release: '!',
      repetition: ' ',
      segment: '"',
    });
    expect(formatUna(chars)).toBe('UNA*~,! "');
    expect(parseUna("UNA:+.?*'").repetition).toBe('*');
  });

  it.each([
    [
      'UNA:+.?',
      'En-tête UNA : l’en-tête UNA est incomplet (« UNA » suivi de 6 caractères attendu).',
    ],
    [
      "UNA::.? '",
      'En-tête UNA : le séparateur d’éléments « : » (U+003A) est déjà le séparateur de composants.',
    ],
    [
      "UNA:+;? '",
      'En-tête UNA : la marque décimale ne peut pas être « ; » (U+003B) (« , » ou « . » attendu).',
    ],
    [
      "UNAX+.? '",
      'En-tête UNA : le séparateur de composants ne peut pas être « X » (U+0058) (ni lettre, ni chiffre, ni espace).',
    ],
    [
      'UNA:+.? \n',
      'En-tête UNA : le terminateur de segment ne peut pas être U+000A (ni lettre, ni chiffre, ni espace).',
    ],
    [
      'UNA:+.?  ',
      'En-tête UNA : le terminateur de segment ne peut pas être «   » (U+0020) (ni lettre, ni chiffre, ni espace).',
    ],
  ])('refuses %j', (una, message) => {
    expect(() => parseUna(una)).toThrow(EdifactError);
    expect(() => parseUna(una)).toThrow(message);
  });

  it('allows no repetition separator in syntax version 3 (UNA position 8 is reserved)', () => {
    const v4: ServiceChars = { ...DEFAULT_SERVICE_CHARS, repetition: '*' };
    expect(() => checkServiceChars(v4, '4')).not.toThrow();
    expect(() => checkServiceChars(v4, '3')).toThrow(
      'En-tête UNA : la syntaxe version 3 n’a pas de séparateur de répétitions : la position 8 de ' +
        'l’UNA doit être une espace (trouvé « * » (U+002A)).',
    );
  });

  it('accepts a space as release character, meaning none', () => {
    expect(parseUna("UNA:+.  '").release).toBe(' ');
  });
});
