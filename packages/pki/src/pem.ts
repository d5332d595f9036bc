/** PEM blocks larger than this are refused before any parsing (a CSR is ~0.5–2 KiB). */
export const MAX_PEM_BYTES = 16 * 1024;

/**
 * The DER bytes of a PEM document holding exactly one block whose label is in `labels`, or
 * undefined when the text is anything else (other labels, headers, stray text, bad base64).
 */
export function decodeSinglePem(text: string, labels: readonly string[]): Buffer | undefined {
  if (Buffer.byteLength(text, 'utf8') > MAX_PEM_BYTES) return undefined;
  const match =
    /^-----BEGIN ([A-Z0-9 ]+)-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n?-----END \1-----$/.exec(
      text.trim(),
    );
  if (!match || !labels.includes(match[1] ?? '')) return undefined;
  const base64 = (match[2] ?? '').replace(/\r?\n/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(base64)) {
    return undefined;
  }
  const der = Buffer.from(base64, 'base64');
  return isSingleDerSequence(der) ? der : undefined;
}

/** True when `der` is one DER SEQUENCE with a definite length and no trailing bytes. */
export function isSingleDerSequence(der: Uint8Array): boolean {
  if (der.length < 2 || der[0] !== 0x30) return false;
  const first = der[1] ?? 0;
  if (first < 0x80) return der.length === 2 + first;
  const count = first & 0x7f;
  // 0x80 is BER's indefinite length; more than 4 length octets cannot fit in 16 KiB anyway.
  if (count === 0 || count > 4 || der.length < 2 + count) return false;
  let length = 0;
  for (let i = 0; i < count; i += 1) length = length * 256 + (der[2 + i] ?? 0);
  return der.length === 2 + count + length;
}

/** RFC 7468 PEM text of `der`: 64-column base64 between BEGIN/END lines, ending with "\n". */
export function encodePem(der: ArrayBuffer | Uint8Array, label: string): string {
  const lines = Buffer.from(der instanceof ArrayBuffer ? new Uint8Array(der) : der)
    .toString('base64')
    .match(/.{1,64}/g);
  return `-----BEGIN ${label}-----\n${(lines ?? []).join('\n')}\n-----END ${label}-----\n`;
}

/** DER of a SEQUENCE whose content is the given, already encoded, elements. */
export function encodeDerSequence(elements: readonly Uint8Array[]): Buffer {
  const content = Buffer.concat(elements);
  const length = content.length;
  let header: number[];
  if (length < 0x80) header = [0x30, length];
  else {
    const octets: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
    header = [0x30, 0x80 | octets.length, ...octets];
  }
  return Buffer.concat([Buffer.from(header), content]);
}
