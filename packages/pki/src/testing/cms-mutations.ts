// Test support: one seeded mutation of a valid CMS message, of one of three families:
// - bytes: blind damage (byte-mutations.ts);
// - structure: one node edited with the DER kept well framed (structure-mutations.ts), aimed at
//   a region of the SignedData: envelope, digestAlgorithms, certificates, SignerInfo fields;
// - resigned: the signed attributes edited, then signed again with the signer's own key — what a
//   buggy or dishonest signer can send, since no byte damage survives the signature there.
import type { KeyObject } from 'node:crypto';
import { mutateBytes } from './byte-mutations';
import { resign } from './cms-edit';
import { cmsRegionsOf, type CmsRegion } from './cms-regions';
import { encodeTree, parseTree, walkTree, type DerTree } from './der-tree';
import type { Random } from './prng';
import { mutateNode } from './structure-mutations';

/** A valid message to mutate, and what re-signing it needs. */
export interface MutationBase {
  name: string;
  message: Buffer;
  /** The signer's private key and the digest its SignerInfo names. */
  privateKey: KeyObject;
  digest: 'sha256' | 'sha384' | 'sha512';
}

/** The three families of mutation. */
export type MutationFamily = 'bytes' | 'structure' | 'resigned';

/** A mutated message and how it was made. */
export interface CmsMutation {
  bytes: Buffer;
  family: MutationFamily;
  region: CmsRegion | 'anywhere';
  what: string;
}

/** Where structure mutations aim (weights): the parts a verifier reads or skips. */
const REGION_WEIGHTS: readonly [CmsRegion, number][] = [
  ['envelope', 3],
  ['digestAlgorithms', 2],
  ['certificates', 3],
  ['signerInfo', 3],
  ['signedAttributes', 4],
];

function pickRegion(random: Random): CmsRegion {
  const total = REGION_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random() * total;
  for (const [region, weight] of REGION_WEIGHTS) {
    left -= weight;
    if (left < 0) return region;
  }
  return 'envelope';
}

function allNodes(root: DerTree): DerTree[] {
  const nodes: DerTree[] = [];
  walkTree(root, (node) => nodes.push(node));
  return nodes;
}

/** One mutation of `base.message`, drawn from `random`. */
export function mutateCms(base: MutationBase, random: Random): CmsMutation {
  const roll = random();
  if (roll < 0.35) {
    const { bytes, what } = mutateBytes(base.message, random);
    return { bytes, family: 'bytes', region: 'anywhere', what };
  }
  const root = parseTree(base.message);
  const regions = cmsRegionsOf(root);
  if (roll < 0.4) {
    // After the ContentInfo: data OpenSSL's reader never looks at, and ours must refuse.
    const trailing = Buffer.from(random.pick(['00', '0000', '0500', '3000']), 'hex');
    const bytes = Buffer.concat([base.message, trailing]);
    return { bytes, family: 'structure', region: 'envelope', what: 'bytes after the ContentInfo' };
  }
  const region = pickRegion(random);
  const candidates = regions.nodes[region];
  if (candidates.length === 0) throw new Error(`${base.name}: no ${region} nodes`);
  const node = random.pick(candidates);
  const what = mutateNode(node, { parent: regions.parents.get(node), all: allNodes(root) }, random);
  const { signedAttributes, signature } = regions;
  if (region === 'signedAttributes' && signedAttributes && signature && random() < 0.8) {
    // The [0] element itself may have been wrapped or replaced: sign what now stands there.
    const signerInfo = regions.parents.get(signedAttributes);
    resign(base, signerInfo?.children?.[3] ?? signedAttributes, signature);
    return { bytes: encodeTree(root), family: 'resigned', region, what: `${what}, signed again` };
  }
  return { bytes: encodeTree(root), family: 'structure', region, what };
}
