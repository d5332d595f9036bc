// A small, strict DER reader and writer for CMS SignedData and certificates (../cms/README.md).
// Written here rather than through asn1js/pkijs because (1) the verifier must refuse BER (indefinite lengths, non-minimal
// lengths, constructed strings, trailing bytes) that asn1js accepts, (2) it must keep the exact
// bytes of each element (signed attributes, certificates) and (3) asn1js mangles OID arcs above
// 2^53, such as the 2.25 (UUID) arc of RECEIPT_SIGNER_EKU. Every reading failure is a
// DerError, which the CMS code turns into its own PkiError code.

/** Thrown by the reader for anything that is not the expected DER; never leaves this package. */
export class DerError extends Error {
  override readonly name = 'DerError';
}

/** Universal and context tags (identifier octet) used by CMS and X.509. */
export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  enumerated: 0x0a,
  utf8String: 0x0c,
  printableString: 0x13,
  utcTime: 0x17,
  generalizedTime: 0x18,
  universalString: 0x1c,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
  /** [n] constructed, context-specific: 0xa0 + n. */
  context: (n: number) => 0xa0 + n,
} as const;

/** One DER element: its identifier octet and the exact bytes of the whole element and its value. */
export interface DerNode {
  readonly tag: number;
  /** The whole element (header + value), a view into the input. */
  readonly bytes: Uint8Array;
  /** The value octets, a view into the input. */
  readonly value: Uint8Array;
  /** The elements inside a constructed value (empty for a primitive one). */
  readonly children: readonly DerNode[];
}

/** Deeper nesting is refused: CMS + X.509 need about 12 levels; bounds the recursion. */
const MAX_DEPTH = 40;
/**
 * More elements are refused: a CMS message with a few certificates has ~1,000, while 20 MiB of
 * two-octet elements would make ten million objects (hundreds of MiB of memory).
 */
export const MAX_DER_ELEMENTS = 50_000;

function isConstructed(tag: number): boolean {
  return (tag & 0x20) !== 0;
}

/** True when no arc of the OID contents starts with 0x80 and the last octet ends an arc. */
function isMinimalOid(value: Uint8Array): boolean {
  if (value.length === 0 || (value[value.length - 1] ?? 0) >= 0x80) return false;
  return value.every((octet, i) => octet !== 0x80 || (i > 0 && (value[i - 1] ?? 0) >= 0x80));
}

/**
 * X.690's DER rules for the contents of the universal primitive types that OpenSSL decodes
 * wherever they appear (even inside an ANY it never reads): an element OpenSSL's decoder
 * refuses must never get past this reader. Other types' contents are not interpreted here.
 */
function checkUniversalContents(tag: number, value: Uint8Array): void {
  const [first = 0, second = 0] = value;
  switch (tag) {
    case TAG.boolean:
      if (value.length !== 1 || (first !== 0 && first !== 0xff)) throw new DerError('bad BOOLEAN');
      return;
    case TAG.integer:
    case TAG.enumerated:
      if (value.length === 0) throw new DerError('empty integer');
      if (
        value.length > 1 &&
        ((first === 0 && second < 0x80) || (first === 0xff && second >= 0x80))
      ) {
        throw new DerError('non-minimal integer');
      }
      return;
    case TAG.bitString: {
      // The unused-bits count, at most 7, none for an empty string, and those bits zero.
      const last = value[value.length - 1] ?? 0;
      const unusedMask = (1 << first) - 1;
      if (
        value.length === 0 ||
        first > 7 ||
        (value.length === 1 && first !== 0) ||
        (last & unusedMask) !== 0
      ) {
        throw new DerError('bad BIT STRING');
      }
      return;
    }
    case TAG.null:
      if (value.length !== 0) throw new DerError('NULL with contents');
      return;
    case TAG.oid:
      if (!isMinimalOid(value)) throw new DerError('bad oid');
      return;
    case TAG.bmpString:
      if (value.length % 2 !== 0) throw new DerError('bad BMPString');
      return;
    case TAG.universalString:
      if (value.length % 4 !== 0) throw new DerError('bad UniversalString');
      return;
  }
}

/**
 * The identifier rules: universal constructed tags other than SEQUENCE and SET are BER's
 * constructed strings, and a primitive SEQUENCE or SET does not exist.
 */
function checkUniversalTag(tag: number): void {
  if ((tag & 0xc0) !== 0) return; // context, application, private: the caller's business
  if (isConstructed(tag) && tag !== TAG.sequence && tag !== TAG.set) {
    throw new DerError('constructed string');
  }
  if (tag === 0x10 || tag === 0x11) throw new DerError('primitive SEQUENCE or SET');
}

/**
 * Parses `bytes` as exactly one DER element (no trailing bytes) and every constructed element
 * inside it. Refuses high tag numbers, indefinite and non-minimal lengths, constructed strings
 * (BER only), universal primitives whose contents break DER (BOOLEAN, INTEGER, ENUMERATED, BIT
 * STRING, NULL, OID, BMPString, UniversalString), and more than MAX_DER_ELEMENTS elements.
 */
export function parseDer(bytes: Uint8Array): DerNode {
  const [node, end] = parseAt(bytes, 0, bytes.length, 0, { left: MAX_DER_ELEMENTS });
  if (end !== bytes.length) throw new DerError('trailing bytes');
  return node;
}

function parseAt(
  bytes: Uint8Array,
  start: number,
  limit: number,
  depth: number,
  budget: { left: number },
): [DerNode, number] {
  if (depth > MAX_DEPTH) throw new DerError('nested too deeply');
  budget.left -= 1;
  if (budget.left < 0) throw new DerError('too many elements');
  if (limit - start < 2) throw new DerError('truncated');
  const tag = bytes[start] ?? 0;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag number');
  if (tag === 0) throw new DerError('end-of-contents'); // BER's indefinite-length terminator
  checkUniversalTag(tag);
  let offset = start + 1;
  const first = bytes[offset++] ?? 0;
  let length = first;
  if (first >= 0x80) {
    const count = first & 0x7f;
    if (count === 0) throw new DerError('indefinite length');
    if (count > 4) throw new DerError('length too large');
    if (limit - offset < count) throw new DerError('truncated');
    if (bytes[offset] === 0) throw new DerError('non-minimal length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + (bytes[offset++] ?? 0);
    if (length < 0x80) throw new DerError('non-minimal length');
  }
  const end = offset + length;
  if (end > limit) throw new DerError('truncated');
  const value = bytes.subarray(offset, end);
  const children: DerNode[] = [];
  if (!isConstructed(tag) && (tag & 0xc0) === 0) checkUniversalContents(tag, value);
  if (isConstructed(tag)) {
    let at = offset;
    while (at < end) {
      const [child, next] = parseAt(bytes, at, end, depth + 1, budget);
      children.push(child);
      at = next;
    }
  }
  return [{ tag, bytes: bytes.subarray(start, end), value, children }, end];
}

/** The node when it has `tag`, else a DerError. */
export function expectTag(node: DerNode | undefined, tag: number): DerNode {
  if (!node || node.tag !== tag) throw new DerError(`expected tag ${tag.toString(16)}`);
  return node;
}

/** The value octets of a DER INTEGER, checked minimal (DER), sign kept. */
export function integerValue(node: DerNode | undefined): Uint8Array {
  const { value } = expectTag(node, TAG.integer);
  if (value.length === 0) throw new DerError('empty integer');
  const [first = 0, second = 0] = value;
  if (value.length > 1 && ((first === 0 && second < 0x80) || (first === 0xff && second >= 0x80))) {
    throw new DerError('non-minimal integer');
  }
  return value;
}

/** A small non-negative INTEGER (a version field). */
export function smallIntegerValue(node: DerNode | undefined): number {
  const value = integerValue(node);
  if (value.length > 1 || (value[0] ?? 0) >= 0x80) throw new DerError('unexpected integer');
  return value[0] ?? 0;
}

/** The dotted form of an OBJECT IDENTIFIER (BigInt arcs: 2.25 arcs are 128-bit). */
export function oidValue(node: DerNode | undefined): string {
  const { value } = expectTag(node, TAG.oid);
  if (value.length === 0 || (value[value.length - 1] ?? 0) >= 0x80) throw new DerError('bad oid');
  const arcs: bigint[] = [];
  let current = 0n;
  let fresh = true;
  for (const octet of value) {
    if (fresh && octet === 0x80) throw new DerError('non-minimal oid arc');
    current = (current << 7n) | BigInt(octet & 0x7f);
    fresh = octet < 0x80;
    if (fresh) {
      arcs.push(current);
      current = 0n;
    }
  }
  const [head = 0n, ...rest] = arcs;
  const top = head < 40n ? 0n : head < 80n ? 1n : 2n;
  return [top, head - top * 40n, ...rest].join('.');
}

// ---------------------------------------------------------------------------------- writing

/** One DER element: identifier `tag`, definite minimal length, then the given value parts. */
export function der(tag: number, ...parts: readonly Uint8Array[]): Buffer {
  const value = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
  const length = value.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else {
    const octets: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
    header = Buffer.from([tag, 0x80 | octets.length, ...octets]);
  }
  return Buffer.concat([header, value]);
}

/** DER OBJECT IDENTIFIER of a dotted OID. */
export function derOid(dotted: string): Buffer {
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  const [top = 0n, second = 0n, ...rest] = arcs;
  const octets: number[] = [];
  for (const arc of [top * 40n + second, ...rest]) {
    const group = [Number(arc & 0x7fn)];
    for (let left = arc >> 7n; left > 0n; left >>= 7n) group.unshift(Number(left & 0x7fn) | 0x80);
    octets.push(...group);
  }
  return der(TAG.oid, Buffer.from(octets));
}

/** DER INTEGER of an unsigned big-endian magnitude (leading zeros dropped, 0x00 pad if needed). */
export function derUnsignedInteger(magnitude: Uint8Array): Buffer {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start += 1;
  const trimmed = magnitude.subarray(start);
  const pad = (trimmed[0] ?? 0) >= 0x80 ? [Buffer.from([0])] : [];
  return der(TAG.integer, ...pad, trimmed);
}

/**
 * DER SET OF: the elements sorted as X.690 §11.6 requires (as octet strings, the shorter one
 * padded with zero octets).
 */
export function derSetOf(elements: readonly Uint8Array[]): Buffer {
  const sorted = [...elements].sort((a, b) => {
    const length = Math.max(a.length, b.length);
    for (let i = 0; i < length; i += 1) {
      const difference = (a[i] ?? 0) - (b[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return der(TAG.set, ...sorted);
}
