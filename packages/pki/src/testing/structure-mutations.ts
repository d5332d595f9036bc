// Test support: structure-aware mutations of one node of a DER tree — its tag, its length's
// form, an OID, an INTEGER, primitive contents, the elements of a SET or SEQUENCE, trailing
// data inside a value, wrapping or replacing the node. Each edit keeps the enclosing lengths
// right (encodeTree recomputes them), so that the damage reaches the field, not the framing.
import { derOid } from '../der/der';
import { cloneTree, type DerTree } from './der-tree';
import type { Random } from './prng';

/** OIDs a field may be swapped for: neighbours of the right one, known and unknown. */
const OIDS = [
  '2.16.840.1.101.3.4.2.1', // sha256
  '2.16.840.1.101.3.4.2.2', // sha384
  '2.16.840.1.101.3.4.2.3', // sha512
  '2.16.840.1.101.3.4.2.4', // sha224
  '2.16.840.1.101.3.4.2.8', // sha3-256
  '2.16.840.17.101.3.4.2.1', // a corrupted sha256 (issue #12)
  '1.3.14.3.2.26', // sha1
  '1.2.840.113549.2.5', // md5
  '1.2.840.10045.4.3.2', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3', // ecdsa-with-SHA384
  '1.2.840.10045.4.1', // ecdsa-with-SHA1
  '1.2.840.10045.2.1', // id-ecPublicKey
  '1.2.840.113549.1.1.1', // rsaEncryption
  '1.2.840.113549.1.1.10', // RSASSA-PSS
  '1.2.840.113549.1.1.11', // sha256WithRSAEncryption
  '1.2.840.113549.1.7.1', // id-data
  '1.2.840.113549.1.7.2', // id-signedData
  '1.2.840.113549.1.7.3', // id-envelopedData
  '1.2.840.113549.1.9.16.1.4', // id-ct-TSTInfo
  '1.2.840.113549.1.9.3', // contentType
  '1.2.840.113549.1.9.4', // messageDigest
  '1.2.840.113549.1.9.5', // signingTime
  '1.2.840.113549.1.9.6', // countersignature (never a signed attribute)
  '1.2.840.113549.1.9.15', // smimeCapabilities
  '1.2.840.113549.1.9.16.2.12', // signingCertificate (ESS v1)
  '1.2.840.113549.1.9.16.2.47', // signingCertificateV2
  '1.2.840.113549.1.9.52', // cmsAlgorithmProtection
  '1.2.840.113549.1.9.16.2.1', // receiptRequest
  '2.5.4.3', // commonName
  '1.2.3.4',
];

/** Identifier octets a node may get instead of its own. */
const TAGS = [
  0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0a, 0x0c, 0x10, 0x11, 0x13, 0x17, 0x18, 0x1e, 0x24, 0x2c,
  0x30, 0x31, 0x80, 0x81, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4,
];

/** Elements worth inserting: NULL, an empty SET, an end-of-contents, a bad BOOLEAN… */
const JUNK = ['0500', '3100', '3000', '0000', '010101', '020100', '0400', 'a000', 'a100', '8000'];

/** What a mutation needs besides the node: its parent and every node of the tree. */
export interface MutationScope {
  parent: DerTree | undefined;
  all: readonly DerTree[];
}

type Operation = (node: DerTree, scope: MutationScope, random: Random) => string | undefined;

function junk(random: Random): DerTree {
  const bytes = Buffer.from(random.pick(JUNK), 'hex');
  return { tag: bytes[0] ?? 0, raw: bytes.subarray(2) };
}

function replaceInParent(node: DerTree, parent: DerTree | undefined, by: DerTree): boolean {
  const siblings = parent?.children;
  const index = siblings?.indexOf(node) ?? -1;
  if (!siblings || index < 0) return false;
  siblings[index] = by;
  return true;
}

const retag: Operation = (node, _scope, random) => {
  const tag = random.pick(TAGS.filter((candidate) => candidate !== node.tag));
  const was = node.tag;
  node.tag = tag;
  return `tag 0x${was.toString(16)} → 0x${tag.toString(16)}`;
};

const relength: Operation = (node, _scope, random) => {
  node.length = random.pick(['long', 'indefinite', 'plusOne', 'minusOne'] as const);
  return `length written ${node.length}`;
};

const changeOid: Operation = (node, _scope, random) => {
  if (node.tag !== 0x06 || !node.raw) return undefined;
  const raw = node.raw;
  switch (random.below(4)) {
    case 0: {
      const oid = random.pick(OIDS);
      node.raw = derOid(oid).subarray(2);
      return `OID → ${oid}`;
    }
    case 1: {
      const at = random.below(raw.length);
      const mask = 1 + random.below(127); // keeps the continuation bit as it was
      node.raw = Buffer.from(raw);
      node.raw[at] = (raw[at] ?? 0) ^ mask;
      return `OID octet ${at} xor 0x${mask.toString(16)}`;
    }
    case 2:
      node.raw = Buffer.concat([raw, Buffer.from([random.below(128)])]);
      return 'OID arc appended';
    default: {
      const at = random.below(raw.length);
      node.raw = Buffer.concat([raw.subarray(0, at), Buffer.from([0x80]), raw.subarray(at)]);
      return `OID: 0x80 (non-minimal arc) inserted at ${at}`;
    }
  }
};

const changeInteger: Operation = (node, _scope, random) => {
  if (node.tag !== 0x02 || !node.raw) return undefined;
  const raw = node.raw;
  const last = raw.length - 1;
  const edits: Record<string, () => Buffer> = {
    'plus one': () =>
      Buffer.concat([raw.subarray(0, last), Buffer.from([((raw[last] ?? 0) + 1) & 0xff])]),
    'minus one': () =>
      Buffer.concat([raw.subarray(0, last), Buffer.from([((raw[last] ?? 0) + 255) & 0xff])]),
    '0x00 pad': () => Buffer.concat([Buffer.from([0]), raw]),
    '0xff pad': () => Buffer.concat([Buffer.from([0xff]), raw]),
    negative: () => Buffer.concat([Buffer.from([(raw[0] ?? 0) | 0x80]), raw.subarray(1)]),
    zero: () => Buffer.from([0]),
    empty: () => Buffer.alloc(0),
    large: () => Buffer.concat([Buffer.from([0x7f]), Buffer.alloc(20, 0xab)]),
  };
  const name = random.pick(Object.keys(edits));
  node.raw = edits[name]?.() ?? raw;
  return `INTEGER ${name}`;
};

const changeContents: Operation = (node, _scope, random) => {
  if (node.children || !node.raw) return undefined;
  const raw = node.raw;
  const at = random.below(Math.max(1, raw.length));
  switch (random.below(6)) {
    case 0:
      node.raw = Buffer.from(raw);
      node.raw[at] = (raw[at] ?? 0) ^ (1 + random.below(255));
      return `contents octet ${at} changed`;
    case 1:
      node.raw = raw.subarray(0, at);
      return `contents cut to ${at}`;
    case 2:
      node.raw = Buffer.concat([raw, Buffer.from([random.below(256)])]);
      return 'contents octet appended';
    case 3:
      node.raw = Buffer.from([0x01]); // a BER-only TRUE where BOOLEAN, else one octet
      return 'contents → 01';
    case 4:
      node.raw = Buffer.from([1 + random.below(8), ...raw.subarray(1)]);
      return 'first contents octet → unused-bits count';
    default:
      node.raw = Buffer.alloc(0);
      return 'contents emptied';
  }
};

const changeChildren: Operation = (node, scope, random) => {
  const children = node.children;
  if (!children) return undefined;
  const index = random.below(Math.max(1, children.length));
  switch (random.below(8)) {
    case 0: {
      if (children.length < 2) return undefined;
      const other = (index + 1 + random.below(children.length - 1)) % children.length;
      [children[index], children[other]] = [children[other] as DerTree, children[index] as DerTree];
      return `elements ${index} and ${other} swapped`;
    }
    case 1: {
      const child = children[index];
      if (!child) return undefined;
      children.splice(index, 0, cloneTree(child));
      return `element ${index} repeated`;
    }
    case 2:
      if (children.length === 0) return undefined;
      children.splice(index, 1);
      return `element ${index} removed`;
    case 3:
      children.reverse();
      return 'elements reversed';
    case 4:
      node.children = [];
      return 'elements removed';
    case 5: {
      const copy = cloneTree(random.pick(scope.all));
      children.splice(random.below(children.length + 1), 0, copy);
      return `copy of a 0x${copy.tag.toString(16)} element inserted`;
    }
    case 6: {
      const inserted = junk(random);
      children.splice(random.below(children.length + 1), 0, inserted);
      return `0x${inserted.tag.toString(16)} junk element inserted`;
    }
    default:
      node.trailing = Buffer.from(random.pick(['00', '0000', '0500', 'ff', '3100']), 'hex');
      return `trailing ${node.trailing.toString('hex')} inside the value`;
  }
};

const wrap: Operation = (node, scope, random) => {
  const tag = random.pick([0x30, 0x31, 0xa0, 0x04]);
  const wrapper: DerTree = { tag, children: [node] };
  return replaceInParent(node, scope.parent, wrapper)
    ? `wrapped in 0x${tag.toString(16)}`
    : undefined;
};

const replace: Operation = (node, scope, random) => {
  const other = random.pick(scope.all);
  if (other === node) return undefined;
  const copy = cloneTree(other);
  return replaceInParent(node, scope.parent, copy)
    ? `replaced by a copy of a 0x${copy.tag.toString(16)}`
    : undefined;
};

const OPERATIONS: readonly Operation[] = [
  retag,
  relength,
  changeOid,
  changeOid,
  changeInteger,
  changeContents,
  changeChildren,
  changeChildren,
  wrap,
  replace,
];

/** Edits `node` in place with one applicable operation; returns what was done. */
export function mutateNode(node: DerTree, scope: MutationScope, random: Random): string {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const done = random.pick(OPERATIONS)(node, scope, random);
    if (done) return done;
  }
  return retag(node, scope, random) as string;
}
