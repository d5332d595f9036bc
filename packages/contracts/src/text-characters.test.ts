import { describe, expect, it } from 'vitest';
import { holderSchema } from './partner';
import { emailField, personNameField } from './fields';
import { findForbiddenCharacter, isForbiddenTextCharacter } from './text-characters';

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

describe('isForbiddenTextCharacter', () => {
  it.each([
    0x00, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0x2028, 0x2029, 0x202a,
    0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xd800, 0xdbff, 0xdc00, 0xdfff,
  ])('refuses %s', (codePoint) => {
    expect(isForbiddenTextCharacter(codePoint), hex(codePoint)).toBe(true);
  });

  it.each([
    [0x20, 'space'],
    [0x7e, '~'],
    [0xa0, 'no-break space'],
    [0xe9, 'é'],
    [0x152, 'Œ'],
    [0x2019, '’ (French apostrophe)'],
    [0x202f, 'narrow no-break space (French typography)'],
    [0x200c, 'ZWNJ (Persian names)'],
    [0x200d, 'ZWJ'],
    [0x200e, 'LRM'],
    [0x200f, 'RLM'],
    [0x061c, 'ALM'],
    [0x20ac, '€'],
    [0x1f600, 'an emoji (astral)'],
  ])('keeps %s (%s)', (codePoint) => {
    expect(isForbiddenTextCharacter(codePoint), hex(codePoint)).toBe(false);
  });
});

describe('findForbiddenCharacter', () => {
  it('names the first forbidden code point, walking code points rather than UTF-16 units', () => {
    expect(findForbiddenCharacter('Jean Dupont')).toBeUndefined();
    expect(findForbiddenCharacter('Jean 😀 Dupont')).toBeUndefined(); // a valid surrogate pair
    expect(findForbiddenCharacter('😀\r\n')).toBe('U+000D');
    expect(findForbiddenCharacter('Jean\ud83dDupont')).toBe('U+D83D'); // a lone high surrogate
    expect(findForbiddenCharacter('Jean\u202eDupont\n')).toBe('U+202E');
  });
});

describe('the shared fields refuse them before trimming', () => {
  it('a trailing CR/LF or TAB is refused, not silently cut', () => {
    const issues = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
      result.error?.issues.map((issue) => issue.message);
    expect(issues(emailField.safeParse('alice@exemple.fr\r\n'))?.[0]).toBe(
      'Adresse email : caractère de contrôle interdit (U+000D).',
    );
    expect(issues(personNameField('Nom').safeParse('Durand\t'))?.[0]).toBe(
      'Nom : caractère de contrôle interdit (U+0009).',
    );
    expect(issues(personNameField('Nom').safeParse('Durand\ud800'))?.[0]).toBe(
      'Nom : caractère invalide (U+D800).',
    );
    expect(personNameField('Nom').parse('  Lefèvre  ')).toBe('Lefèvre'); // spaces still trimmed
  });

  it('"Prénom Nom" of a holder fits 64 characters, counted in code points', () => {
    const holder = (firstName: string, lastName: string) =>
      holderSchema.safeParse({ firstName, lastName, email: 'a@exemple.fr' });
    expect(holder('Élodie', 'É'.repeat(57)).success).toBe(true); // 6 + 1 + 57 = 64
    expect(holder('Élodie', '😀'.repeat(57)).success).toBe(true); // 114 UTF-16 units, 57 characters
    const over = holder('Élodie', 'É'.repeat(58));
    expect(over.error?.issues).toEqual([
      expect.objectContaining({
        path: ['lastName'],
        message:
          'Prénom et nom trop longs pour un certificat de signature : 65 caractères, 64 au plus (espace compris).',
      }),
    ]);
  });
});
