// Test support: a valid CMS message edited field by field — by the mutation runs and by the
// strictness tests — and, when the edit is in the signed attributes, signed again with the
// signer's key, as a buggy or dishonest signer would send it.
import { sign } from 'node:crypto';
import type { MutationBase } from './cms-mutations';
import { cmsRegionsOf, type CmsParts } from './cms-regions';
import { encodeTree, parseTree, type DerTree } from './der-tree';

/**
 * Signs the signed attributes again: the [0] element re-tagged as a SET (RFC 5652 §5.4),
 * exactly as it will be sent, even when that is not DER — a naive signer would.
 */
export function resign(base: MutationBase, signedAttributes: DerTree, signature: DerTree): void {
  const signed = encodeTree(signedAttributes);
  signed[0] = 0x31;
  signature.raw = sign(base.digest, signed, base.privateKey);
  delete signature.children;
}

/** `base.message` after `edit` changed its tree; signed again when `resign` says so. */
export function editCms(
  base: MutationBase,
  edit: (parts: CmsParts & { root: DerTree }) => void,
  options: { resign?: boolean } = {},
): Buffer {
  const root = parseTree(base.message);
  const parts = cmsRegionsOf(root);
  edit({ ...parts, root });
  if (options.resign) {
    const { signerInfo, signature } = parts;
    // The [0] element may have been replaced: sign what now stands at its place.
    const signedAttributes = signerInfo?.children?.[3];
    if (!signedAttributes || !signature) throw new Error('no signed attributes to sign again');
    resign(base, signedAttributes, signature);
  }
  return encodeTree(root);
}
