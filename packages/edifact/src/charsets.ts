import { Buffer } from 'node:buffer';
import { EdifactError, describeCharacter } from './edifact-error';

/**
 * The character repertoires this codec handles (UNB S001 0001). All four are one byte per
 * character, so a character's index in the decoded text is its byte offset in the file.
 */
export type Charset = 'UNOA' | 'UNOB' | 'UNOC' | 'UNOL';
/** Every charset, in code-list order. */
export const CHARSETS: readonly Charset[] = ['UNOA', 'UNOB', 'UNOC', 'UNOL'];

/** How each repertoire is named to the accountant. */
export const CHARSET_LABELS: Readonly<Record<Charset, string>> = {
  UNOA: 'UNOA (majuscules sans accents, chiffres, ponctuation de base)',
  UNOB: 'UNOB (lettres sans accents, chiffres, ponctuation de base)',
  UNOC: 'UNOC (ISO 8859-1)',
  UNOL: 'UNOL (ISO 8859-15)',
};

/** The eight positions where ISO 8859-15 (Latin-9) differs from ISO 8859-1 (Latin-1). */
const LATIN9: ReadonlyArray<readonly [byte: number, character: string]> = [
  [0xa4, '€'],
  [0xa6, 'Š'],
  [0xa8, 'š'],
  [0xb4, 'Ž'],
  [0xb8, 'ž'],
  [0xbc, 'Œ'],
  [0xbd, 'œ'],
  [0xbe, 'Ÿ'],
];
const LATIN9_BY_LATIN1 = new Map(LATIN9.map(([b, c]) => [String.fromCharCode(b), c]));
const LATIN1_BY_LATIN9 = new Map(LATIN9.map(([b, c]) => [c, String.fromCharCode(b)]));
/** Byte of each Latin-9 letter above U+00FF (€ → 0xA4…). */
export const LATIN9_BYTES: ReadonlyMap<number, number> = new Map(
  LATIN9.map(([b, c]) => [c.charCodeAt(0), b]),
);
const LATIN1_AT_LATIN9_POSITIONS = /[\xA4\xA6\xA8\xB4\xB8\xBC\xBD\xBE]/g;
const LATIN9_SPECIALS = /[€ŠšŽžŒœŸ]/g;

/**
 * Allowed characters, as regular-expression class content. UNOA/UNOB follow code list 0001:
 * the invariant ISO 646 characters (no # $ @ [ \ ] ^ ` { | } ~), UNOA without lower case.
 * UNOC/UNOL are the graphic characters of ISO 8859-1/-15 (no C0/C1 controls, no DEL).
 */
const ALLOWED: Readonly<Record<Charset, string>> = {
  UNOA: ' !"%&\'()*+,\\-./0-9:;<=>?A-Z_',
  UNOB: ' !"%&\'()*+,\\-./0-9:;<=>?A-Z_a-z',
  UNOC: '\\x20-\\x7E\\xA0-\\xFF',
  UNOL: '\\x20-\\x7E\\xA0-\\xA3\\xA5\\xA7\\xA9-\\xB3\\xB5-\\xB7\\xB9-\\xBB\\xBF-\\xFF€ŠšŽžŒœŸ',
};

const patternCache = new Map<string, RegExp>();

/**
 * A regular expression finding the first character outside `charset` (and outside `extra`).
 * Shared and cached: with `flags` 'g', set lastIndex before each use.
 */
export function disallowedPattern(charset: Charset, extra = '', flags = ''): RegExp {
  const key = `${charset}${flags}/${extra}`;
  let pattern = patternCache.get(key);
  if (!pattern) {
    const escaped = extra.replace(/[\\\]^-]/g, '\\$&');
    pattern = new RegExp(`[^${ALLOWED[charset]}${escaped}]`, flags);
    patternCache.set(key, pattern);
  }
  return pattern;
}

/**
 * Byte of each character code below 256 in `charset`, -1 where refused (for UNOL, also the
 * Latin-1 signs Latin-9 replaced; its eight letters above U+00FF are in LATIN9_BYTES).
 */
export function byteTable(charset: Charset): Int16Array {
  const pattern = disallowedPattern(charset);
  return Int16Array.from({ length: 256 }, (_, code) =>
    pattern.test(String.fromCharCode(code)) ? -1 : code,
  );
}

/** True for the four charsets this codec knows (UNB S001 0001 values). */
export function isCharset(value: string): value is Charset {
  return (CHARSETS as readonly string[]).includes(value);
}

/** Encodes text in the charset, one byte per character; refuses (with the position) any other. */
export function encodeText(text: string, charset: Charset): Uint8Array {
  const bad = disallowedPattern(charset).exec(text);
  if (bad) {
    const character = String.fromCodePoint(text.codePointAt(bad.index) ?? 0);
    const position = [...text.slice(0, bad.index)].length + 1;
    throw new EdifactError(
      'CHARACTER_NOT_ALLOWED',
      `le caractère ${describeCharacter(character)} en position ${position} n’est pas autorisé ` +
        `par le jeu de caractères ${CHARSET_LABELS[charset]}`,
      { offset: bad.index },
    );
  }
  return encodeChecked(text, charset);
}

/** Encodes text already checked against the charset (line breaks between segments included). */
export function encodeChecked(text: string, charset: Charset): Uint8Array {
  // Every character is below U+0100 except the eight Latin-9 ones, mapped to their bytes.
  const latin1 =
    charset === 'UNOL' ? text.replace(LATIN9_SPECIALS, (c) => LATIN1_BY_LATIN9.get(c) ?? c) : text;
  return Buffer.from(latin1, 'latin1');
}

/** Decodes bytes of the charset; refuses (with the byte offset) any byte outside it. */
export function decodeText(bytes: Uint8Array, charset: Charset): string {
  const text = decodeBytes(bytes, charset);
  const bad = disallowedPattern(charset).exec(text);
  if (bad) {
    throw new EdifactError(
      'CHARACTER_NOT_ALLOWED',
      `l’octet 0x${(bytes[bad.index] ?? 0).toString(16).toUpperCase().padStart(2, '0')} en ` +
        `position ${bad.index + 1} n’est pas un caractère du jeu ${CHARSET_LABELS[charset]}`,
      { offset: bad.index },
    );
  }
  return text;
}

/**
 * Decodes without checking: byte n becomes character n. Latin-1 through Buffer (TextDecoder's
 * 'latin1'/'iso-8859-1' labels mean windows-1252 in WHATWG, which would turn 0x80 into €), and
 * Latin-9 by re-mapping its eight positions, so no ICU encoding table is needed.
 */
export function decodeBytes(bytes: Uint8Array, charset: Charset | 'latin1'): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return charset === 'UNOL' ? latin1ToLatin9(text) : text;
}

/** Re-reads text decoded as Latin-1 as if it had been decoded as Latin-9 (same length). */
export function latin1ToLatin9(text: string): string {
  return text.replace(LATIN1_AT_LATIN9_POSITIONS, (c) => LATIN9_BY_LATIN1.get(c) ?? c);
}
