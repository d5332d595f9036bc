// Text helpers: the interchange's character set and French number formatting in messages.

/** Latin-1 code points that ISO-8859-15 replaced (¤ ¦ ¨ ´ ¸ ¼ ½ ¾). */
const REPLACED_IN_LATIN9 = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);
/** Characters ISO-8859-15 added in their place (€ Š š Ž ž Œ œ Ÿ). */
const ADDED_IN_LATIN9 = new Set([0x20ac, 0x160, 0x161, 0x17d, 0x17e, 0x152, 0x153, 0x178]);

/** True when the character is printable in ISO-8859-15 (UNOL, the interchange's character set). */
export function isLatin9Printable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0xff) return !REPLACED_IN_LATIN9.has(code);
  return ADDED_IN_LATIN9.has(code);
}

/** The first character that cannot be sent (outside ISO-8859-15, or a control character). */
export function firstUnsendableCharacter(value: string, allowNewline = false): string | undefined {
  for (const char of value) {
    if (allowNewline && char === '\n') continue;
    if (!isLatin9Printable(char)) return char;
  }
  return undefined;
}

/** Shows a character in a message: itself when visible, else its code point (`U+2019`). */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code < 0x20 || (code >= 0x7f && code < 0xa0) ? hex : `« ${char} » (${hex})`;
}

/** A number as written in French messages: decimal comma, two decimals when not whole. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const cents = Math.round(value * 100);
  const text = Math.abs(cents - value * 100) < 1e-6 ? value.toFixed(2) : String(value);
  return text.replace('.', ',');
}
