// Test support: the parts of a valid ContentInfo(SignedData) tree, so that structure-aware
// mutations can aim at one part (the digestAlgorithms SET, the signed attributes…) and a
// mutation of the signed attributes can be signed again.
import { walkTree, type DerTree } from './der-tree';

/** Where a node sits in a SignedData (RFC 5652 §5). */
export type CmsRegion =
  'envelope' | 'digestAlgorithms' | 'certificates' | 'signerInfo' | 'signedAttributes';

/** The named fields of a SignedData tree (undefined where the message has none). */
export interface CmsParts {
  signedData: DerTree | undefined;
  digestAlgorithms: DerTree | undefined;
  /** The [0] certificates field. */
  certificates: DerTree | undefined;
  signerInfo: DerTree | undefined;
  /** The SignerInfo's [0] signed attributes and its signature OCTET STRING. */
  signedAttributes: DerTree | undefined;
  signature: DerTree | undefined;
}

/** The nodes of each region, each node's parent, and the named fields. */
export interface CmsRegions extends CmsParts {
  nodes: Record<CmsRegion, DerTree[]>;
  /** Each node's parent (the root has none). */
  parents: Map<DerTree, DerTree>;
}

const CONTEXT_0 = 0xa0;

/** Labels every node of a valid message's tree (built by parseTree) with its region. */
export function cmsRegionsOf(root: DerTree): CmsRegions {
  const nodes: Record<CmsRegion, DerTree[]> = {
    envelope: [],
    digestAlgorithms: [],
    certificates: [],
    signerInfo: [],
    signedAttributes: [],
  };
  const parents = new Map<DerTree, DerTree>();
  walkTree(root, (node, parent) => {
    if (parent) parents.set(node, parent);
  });
  const label = (tree: DerTree, region: CmsRegion) =>
    walkTree(tree, (node) => nodes[region].push(node));

  const signedData = root.children?.[1]?.children?.[0];
  const fields = signedData?.children ?? [];
  nodes.envelope.push(root, ...(root.children ?? []));
  if (signedData) nodes.envelope.push(signedData);
  const [version, digestAlgorithms, encap, ...rest] = fields;
  if (version) label(version, 'envelope');
  if (digestAlgorithms) label(digestAlgorithms, 'digestAlgorithms');
  if (encap) label(encap, 'envelope');
  const signerInfos = rest[rest.length - 1];
  for (const field of rest.slice(0, -1)) label(field, 'certificates');
  const certificates = rest.slice(0, -1).find((field) => field.tag === CONTEXT_0);
  if (signerInfos) nodes.envelope.push(signerInfos);
  const signerInfo = signerInfos?.children?.[0];
  let signedAttributes: DerTree | undefined;
  let signature: DerTree | undefined;
  if (signerInfo) {
    nodes.signerInfo.push(signerInfo);
    const children = signerInfo.children ?? [];
    for (const [index, child] of children.entries()) {
      if (child.tag === CONTEXT_0 && index === 3) {
        signedAttributes = child;
        label(child, 'signedAttributes');
      } else label(child, 'signerInfo');
    }
    signature = children[signedAttributes ? 5 : 4];
  }
  return {
    nodes,
    parents,
    signedData,
    digestAlgorithms,
    certificates,
    signerInfo,
    signedAttributes,
    signature,
  };
}
