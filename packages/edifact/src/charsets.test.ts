import { describe, expect, it } from 'vitest';
import { decodeText, encodeText, type Charset } from './charsets';
import { EdifactError } from './edifact-error';

function thrown(run: () => unknown): EdifactError {
  try {
    run();
  } catch (error) {
    if (error instanceof EdifactError) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}

describe('encodeText', () => {
  it('writes UNOL (ISO 8859-15) bytes exactly: € 0xA4, Œ 0xBC, é 0xE9 and the other Latin-9 letters', () => {
    expect([...encodeText('€Œé', 'UNOL')]).toEqual([0xa4, 0xbc, 0xe9]);
    expect([...encodeText('ŠšŽžœŸ', 'UNOL')]).toEqual([0xa6, 0xa8, 0xb4, 0xb8, 0xbd, 0xbe]);
    expect([...encodeText("D'EXPERTISE à Noël", 'UNOL')]).toEqual([
      ...Buffer.from("D'EXPERTISE ", 'ascii'),
      0xe0,
      ...Buffer.from(' No', 'ascii'),
      0xeb,
      0x6c,
    ]);
  });

  it('refuses in UNOL the Latin-1 signs that Latin-9 replaced (¤ ½)', () => {
    const error = thrown(() => encodeText('1 ½', 'UNOL'));
    expect(error.code).toBe('CHARACTER_NOT_ALLOWED');
    expect(error.message).toBe(
      'Le caractère « ½ » (U+00BD) en position 3 n’est pas autorisé par le jeu de caractères UNOL (ISO 8859-15).',
    );
    expect(() => encodeText('¤', 'UNOL')).toThrow(EdifactError);
  });

  it('refuses € in UNOC (ISO 8859-1), naming the character and its position', () => {
    const error = thrown(() => encodeText('12 €', 'UNOC'));
    expect(error.message).toBe(
      'Le caractère « € » (U+20AC) en position 4 n’est pas autorisé par le jeu de caractères UNOC (ISO 8859-1).',
    );
    expect(error.offset).toBe(3);
    expect([...encodeText('é¤½', 'UNOC')]).toEqual([0xe9, 0xa4, 0xbd]);
  });

  it('refuses lower case in UNOA and accepts it in UNOB, accents in neither', () => {
    const error = thrown(() => encodeText('SARL Dupont', 'UNOA'));
    expect(error.message).toBe(
      'Le caractère « u » (U+0075) en position 7 n’est pas autorisé par le jeu de caractères ' +
        'UNOA (majuscules sans accents, chiffres, ponctuation de base).',
    );
    expect(encodeText('SARL Dupont', 'UNOB')).toEqual(Buffer.from('SARL Dupont'));
    expect(() => encodeText('DUPONT É', 'UNOB')).toThrow(/« É » \(U\+00C9\) en position 8/);
  });

  it('counts positions in characters, not UTF-16 units, past an emoji', () => {
    expect(() => encodeText('😀A😀', 'UNOC')).toThrow(/« 😀 » \(U\+1F600\) en position 1/);
  });

  it('refuses control characters everywhere, named by code point only', () => {
    for (const charset of ['UNOA', 'UNOB', 'UNOC', 'UNOL'] as const) {
      expect(() => encodeText('A\tB', charset)).toThrow(/Le caractère U\+0009 en position 2/);
      expect(() => encodeText('A\u0085', charset)).toThrow(EdifactError);
    }
  });

  it('accepts exactly the invariant ISO 646 characters in UNOA/UNOB', () => {
    const accepted = (charset: Charset): string =>
      Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i))
        .filter((c) => {
          try {
            encodeText(c, charset);
            return true;
          } catch {
            return false;
          }
        })
        .join('');
    expect(accepted('UNOA')).toBe(' !"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_');
    expect(accepted('UNOB')).toBe(
      ' !"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
    );
  });
});

describe('decodeText', () => {
  it('reads 0xA4 as € in UNOL and as ¤ in UNOC', () => {
    expect(decodeText(Uint8Array.from([0xa4, 0xbc, 0xe9]), 'UNOL')).toBe('€Œé');
    expect(decodeText(Uint8Array.from([0xa4, 0xbc, 0xe9]), 'UNOC')).toBe('¤¼é');
  });

  it('agrees with Node’s own ISO 8859-15 decoder on every graphic byte', () => {
    const graphic = Uint8Array.from(
      Array.from({ length: 256 }, (_, b) => b).filter((b) => (b >= 0x20 && b < 0x7f) || b >= 0xa0),
    );
    expect(decodeText(graphic, 'UNOL')).toBe(new TextDecoder('iso-8859-15').decode(graphic));
    expect(encodeText(decodeText(graphic, 'UNOL'), 'UNOL')).toEqual(Buffer.from(graphic));
    expect(encodeText(decodeText(graphic, 'UNOC'), 'UNOC')).toEqual(Buffer.from(graphic));
  });

  it('refuses a byte outside the charset with its offset', () => {
    const error = thrown(() => decodeText(Uint8Array.from([0x41, 0x42, 0x80]), 'UNOL'));
    expect(error.message).toBe(
      'L’octet 0x80 en position 3 n’est pas un caractère du jeu UNOL (ISO 8859-15).',
    );
    expect(error.offset).toBe(2);
    expect(() => decodeText(Uint8Array.from([0x61]), 'UNOA')).toThrow(EdifactError);
  });
});
