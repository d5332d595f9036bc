// The characters no name, email address or free text may hold (issue #13, item 10). Text typed
// by one person is shown to others in emails, portal pages, certificates and logs, where these
// characters change what is seen:
// - C0 controls (TAB, LF, CR…), DEL and C1 controls (NEL…): a CR/LF in a holder's name forged a
//   line in the partner's email body; they have no place in a one-line field;
// - U+2028/U+2029, the line and paragraph separators: the same forged line in many viewers;
// - the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069: they
//   display a name backwards or out of order ("Trojan Source", CVE-2021-42574);
// - lone surrogates: not characters at all; no UTF-8 text (a database, a certificate) holds one.
// Kept on purpose: the bidi marks LRM/RLM/ALM and ZWJ/ZWNJ, which real names in Arabic, Hebrew
// or Persian script need and which cannot reorder Latin text. No request has a multi-line field
// (declaration text cells, the only multi-line text, keep the tdfc validator's own rule).

/** True when the code point may not appear in a name, an email address or a free text. */
export function isForbiddenTextCharacter(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff)
  );
}

/** The first forbidden character of `value` as `U+000A`, or undefined when there is none. */
export function findForbiddenCharacter(value: string): string | undefined {
  // for…of walks code points; a lone surrogate comes out as itself.
  for (const char of value) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (isForbiddenTextCharacter(codePoint)) {
      return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    }
  }
  return undefined;
}

/** The French sentence refusing `value`'s first forbidden character, or undefined when clean. */
export function forbiddenCharacterMessage(label: string, value: string): string | undefined {
  const character = findForbiddenCharacter(value);
  if (character === undefined) return undefined;
  const surrogate = /^U\+D[89A-F]/.test(character);
  return surrogate
    ? `${label} : caractère invalide (${character}).`
    : `${label} : caractère de contrôle interdit (${character}).`;
}
