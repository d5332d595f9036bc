// Test support: a DER element as a tree the mutation tests can edit in place and encode again,
// every enclosing length then following the edit. A node may also ask to be written with a
// BER-only length (long form where the short one fits, or indefinite) or a wrong one.
import { parseDer, type DerNode } from '../der/der';

/** How a node's length is written: DER, BER-only forms, or a deliberately wrong value. */
export type LengthForm = 'der' | 'long' | 'indefinite' | 'plusOne' | 'minusOne';

/** One element: its identifier octet and either children or raw value octets. */
export interface DerTree {
  tag: number;
  /** Present for a constructed element read as such; `raw` is used otherwise. */
  children?: DerTree[];
  raw?: Buffer;
  length?: LengthForm;
  /** Bytes written right after this element's value, inside its length (trailing data). */
  trailing?: Buffer;
}

/** The editable tree of a parsed element. */
export function treeOf(node: DerNode): DerTree {
  if ((node.tag & 0x20) !== 0) return { tag: node.tag, children: node.children.map(treeOf) };
  return { tag: node.tag, raw: Buffer.from(node.value) };
}

/** Parses `bytes` (strict DER, this package's reader) into an editable tree. */
export function parseTree(bytes: Uint8Array): DerTree {
  return treeOf(parseDer(bytes));
}

/** A deep copy: a node copied elsewhere in the tree must not share later edits. */
export function cloneTree(tree: DerTree): DerTree {
  return {
    tag: tree.tag,
    ...(tree.children ? { children: tree.children.map(cloneTree) } : {}),
    ...(tree.raw ? { raw: Buffer.from(tree.raw) } : {}),
    ...(tree.length ? { length: tree.length } : {}),
    ...(tree.trailing ? { trailing: Buffer.from(tree.trailing) } : {}),
  };
}

function lengthOctets(length: number, form: LengthForm): Buffer {
  if (form === 'indefinite') return Buffer.from([0x80]);
  const value =
    form === 'plusOne' ? length + 1 : form === 'minusOne' ? Math.max(0, length - 1) : length;
  const octets: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  if (form === 'long') {
    // 0x81 before a short length, or a leading zero octet before a long one: BER only.
    if (value >= 0x80 || octets.length === 0) octets.unshift(0);
    return Buffer.from([0x80 | octets.length, ...octets]);
  }
  if (value < 0x80) return Buffer.from([value]);
  return Buffer.from([0x80 | octets.length, ...octets]);
}

/** The bytes of `tree`, lengths recomputed from the (edited) contents. */
export function encodeTree(tree: DerTree): Buffer {
  const inner = tree.children
    ? Buffer.concat(tree.children.map(encodeTree))
    : (tree.raw ?? Buffer.alloc(0));
  const value = tree.trailing ? Buffer.concat([inner, tree.trailing]) : inner;
  const form = tree.length ?? 'der';
  const end = form === 'indefinite' ? Buffer.from([0, 0]) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from([tree.tag]), lengthOctets(value.length, form), value, end]);
}

/** Every node of the tree with its parent (undefined for the root), in document order. */
export function walkTree(
  tree: DerTree,
  visit: (node: DerTree, parent: DerTree | undefined) => void,
  parent?: DerTree,
): void {
  visit(tree, parent);
  for (const child of tree.children ?? []) walkTree(child, visit, tree);
}
