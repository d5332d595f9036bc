// verifyCms is at least as strict as `openssl cms -verify` on every field it reads or skips
// (issue #12). Each case edits a fixed valid deposit (test-data/cms-differential/) field by
// field — signing the attributes again where the edit is under the signature, as a buggy or
// dishonest signer would — and states both answers: ours, and openssl's with the same trust
// anchor and time (testing/openssl-cms-verify.ts). Where openssl accepts, we are stricter on
// purpose; the package README says why for each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { der, derOid, TAG } from '../der/der';
import { CMS_OID } from '../der/oids';
import { verifyCms, type VerifyCmsOptions } from './verify';
import { editCms } from '../testing/cms-edit';
import type { CmsParts } from '../testing/cms-regions';
import { encodeTree as encodeNode, parseTree, type DerTree } from '../testing/der-tree';
import { loadDifferentialBases, type DifferentialBase } from '../testing/differential-bases';
import { codeOf } from '../testing/error-code';
import { createOpensslCmsVerifier, type OpensslCmsVerifier } from '../testing/openssl-cms-verify';

const { caPem, bases } = loadDifferentialBases();
const [ours, oursWithChain] = bases as [DifferentialBase, DifferentialBase];
const options: VerifyCmsOptions = {
  trustedCaPem: [caPem],
  requiredExtendedKeyUsage: '1.3.6.1.5.5.7.3.4',
};
let referee: OpensslCmsVerifier;
let signingTime: Date;

beforeAll(async () => {
  referee = createOpensslCmsVerifier(caPem);
  signingTime = (await verifyCms(ours.message, options)).signingTime as Date;
  // Both verifiers accept the deposits before any edit.
  expect((await referee.verify(ours.message, signingTime)).accepted).toBe(true);
  expect((await verifyCms(oursWithChain.message, options)).content).toEqual(ours.content);
});
afterAll(() => referee.remove());

/** A tree node from DER bytes (parsed, so it must be DER) or from hex. */
const node = (bytes: Buffer | string): DerTree =>
  parseTree(typeof bytes === 'string' ? Buffer.from(bytes, 'hex') : bytes);

const attribute = (oid: string, ...values: Buffer[]) =>
  der(TAG.sequence, derOid(oid), der(TAG.set, ...values));

function children(tree: DerTree | undefined): DerTree[] {
  if (!tree?.children) throw new Error('expected a constructed node');
  return tree.children;
}

/** Both answers for a message: our refusal code (or 'accepted') and openssl's verdict. */
async function judge(message: Buffer): Promise<{ ours: string; openssl: string }> {
  const code = await verifyCms(message, options).then(
    () => 'accepted',
    async (error: unknown) => codeOf(Promise.reject(error)),
  );
  const verdict = await referee.verify(message, signingTime);
  return { ours: code, openssl: verdict.accepted ? 'accepted' : verdict.output };
}

async function refusedByBoth(message: Buffer, code: string, opensslSays: string) {
  const { ours: answer, openssl } = await judge(message);
  expect(answer).toBe(code);
  expect(openssl).toContain(opensslSays);
}

async function refusedByUsOnly(message: Buffer, code: string) {
  expect(await judge(message)).toEqual({ ours: code, openssl: 'accepted' });
}

const edit = (
  change: (parts: CmsParts & { root: DerTree }) => void,
  options: { resign?: boolean; base?: DifferentialBase } = {},
) => editCms(options.base ?? ours, change, options);

describe('digestAlgorithms', () => {
  it('refuses, as openssl does, the two reported corruptions of its identifier (issue #12)', async () => {
    const sha256 = (parts: CmsParts) => children(children(parts.digestAlgorithms)[0])[0] as DerTree;
    // An arc octet changed (840 → 841): unknown to openssl.
    const unknown = edit((parts) => {
      const oid = sha256(parts);
      oid.raw = Buffer.from(oid.raw ?? []);
      oid.raw[2] = 0x49;
    });
    await refusedByBoth(unknown, 'CMS_SIGNATURE_INVALID', 'unknown digest algorithm');
    // The last octet changed (…2.1 → …2.4): SHA-224, which the SignerInfo does not use.
    const sha224 = edit((parts) => {
      sha256(parts).raw = derOid('2.16.840.1.101.3.4.2.4').subarray(2);
    });
    await refusedByBoth(sha224, 'CMS_SIGNATURE_INVALID', 'no matching digest');
  });

  it('refuses an empty set, or one without the SignerInfo’s digest, as openssl does', async () => {
    const empty = edit((parts) => children(parts.digestAlgorithms).splice(0));
    await refusedByBoth(empty, 'CMS_SIGNATURE_INVALID', 'Verification failure');
    const other = edit((parts) => {
      children(parts.digestAlgorithms)[0] = node(der(TAG.sequence, derOid(CMS_OID.sha384)));
    });
    await refusedByBoth(other, 'CMS_SIGNATURE_INVALID', 'no matching digest');
  });

  it('refuses, where openssl does not, a further known digest or parameters other than NULL', async () => {
    const withSha1 = edit((parts) => {
      children(parts.digestAlgorithms).push(node(der(TAG.sequence, derOid(CMS_OID.sha1))));
    });
    await refusedByUsOnly(withSha1, 'CMS_SIGNATURE_INVALID');
    const withParameters = edit((parts) => {
      children(children(parts.digestAlgorithms)[0]).push(node('020100'));
    });
    await refusedByUsOnly(withParameters, 'CMS_SIGNATURE_INVALID');
  });
});

describe('certificates and crls', () => {
  it('refuses a certificate choice openssl cannot decode, and one it decodes but we do not use', async () => {
    const integer = edit((parts) => children(parts.certificates).push(node('020101')));
    await refusedByBoth(integer, 'CMS_UNREADABLE', 'Error reading');
    // [1] IMPLICIT: a v1 attribute certificate, which openssl keeps as an opaque SEQUENCE.
    const attributeCertificate = edit((parts) => {
      children(parts.certificates).push({ tag: 0xa1, children: [node('020101')] });
    });
    await refusedByUsOnly(attributeCertificate, 'CMS_UNREADABLE');
  });

  it('refuses an unused certificate of the bag that openssl cannot decode', async () => {
    // The CA certificate shipped along: its extensions [3] re-tagged [4]. Our reader skips
    // fields it does not use; openssl's decoder refuses the certificate, so the message.
    const message = edit(
      (parts) => {
        const [, caCopy] = children(parts.certificates);
        const tbs = children(caCopy)[0];
        const extensions = children(tbs).find((field) => field.tag === 0xa3);
        if (!extensions) throw new Error('no extensions');
        extensions.tag = 0xa4;
      },
      { base: oursWithChain },
    );
    await refusedByBoth(message, 'CMS_UNREADABLE', 'Error reading');
  });

  it('refuses a second certificate with the signer’s serial, which openssl could pick', async () => {
    // A copy of the signer's certificate whose issuer differs only in case ("cA Diff…"):
    // openssl compares names case-folded and takes the first match, whose CA signature then
    // fails; byte comparison alone would pick the real one and accept.
    const message = edit((parts) => {
      const [signer] = children(parts.certificates);
      const twin = parseTree(encodeNode(signer as DerTree));
      const issuer = children(children(twin)[0])[3] as DerTree;
      const commonName = children(children(children(issuer)[0])[0])[1] as DerTree;
      commonName.raw = Buffer.from(commonName.raw ?? []);
      expect(commonName.raw.toString('utf8')).toBe('CA Différentielle');
      commonName.raw[0] = 'c'.charCodeAt(0);
      children(parts.certificates).unshift(twin);
    });
    await refusedByBoth(message, 'CMS_SIGNATURE_INVALID', 'certificate verify error');
  });

  it('refuses revocation information in the message, where openssl accepts it', async () => {
    const crls = edit((parts) => {
      const fields = children(parts.signedData);
      fields.splice(fields.length - 1, 0, { tag: 0xa1, children: [] });
    });
    await refusedByUsOnly(crls, 'CMS_UNREADABLE');
  });
});

describe('SignedData and SignerInfo fields', () => {
  it('refuses a SignedData version RFC 5652 does not give this message (openssl reads any)', async () => {
    for (const version of ['020102', '020103', '020105']) {
      const message = edit((parts) => {
        children(parts.signedData)[0] = node(version);
      });
      await refusedByUsOnly(message, 'CMS_UNREADABLE');
    }
  });

  it('refuses unsigned attributes: those openssl forbids there, and any other', async () => {
    const unsigned = (value: Buffer) =>
      edit((parts) => children(parts.signerInfo).push({ tag: 0xa1, children: [node(value)] }));
    const contentType = unsigned(attribute(CMS_OID.contentType, derOid(CMS_OID.data)));
    await refusedByBoth(contentType, 'CMS_UNREADABLE', 'attribute error');
    const other = unsigned(attribute('1.2.3.4', der(TAG.utf8String, Buffer.from('note'))));
    await refusedByUsOnly(other, 'CMS_UNREADABLE');
  });
});

describe('signed attributes (signed again after the edit)', () => {
  it('refuses attributes out of DER order, which openssl verifies in the order received', async () => {
    // RFC 5652 §5.3: signedAttrs MUST be DER. A verifier that sorts them first (DER) would
    // compute another signature input than one that does not: we take neither chance.
    const message = edit((parts) => children(parts.signedAttributes).reverse(), { resign: true });
    await refusedByUsOnly(message, 'CMS_SIGNATURE_INVALID');
  });

  it('refuses a signed countersignature (openssl too) and any attribute it does not read', async () => {
    const added = (value: Buffer) =>
      edit(
        (parts) => {
          const attributes = children(parts.signedAttributes);
          attributes.push(node(value));
          // Keep DER order, so that only the attribute itself is in question.
          attributes.sort((a, b) => Buffer.compare(encodeNode(a), encodeNode(b)));
        },
        { resign: true },
      );
    const countersignature = added(attribute('1.2.840.113549.1.9.6', der(TAG.sequence)));
    await refusedByBoth(countersignature, 'CMS_SIGNATURE_INVALID', 'attribute error');
    const unknown = added(attribute('1.2.3.4', der(TAG.utf8String, Buffer.from('note'))));
    await refusedByUsOnly(unknown, 'CMS_SIGNATURE_INVALID');
  });

  it('refuses a messageDigest with two values, as openssl does', async () => {
    const message = edit(
      (parts) => {
        const digest = children(parts.signedAttributes).find((a) =>
          encodeNode(children(a)[0] as DerTree).equals(derOid(CMS_OID.messageDigest)),
        );
        const values = children(children(digest)[1]);
        values.push(node(der(TAG.octetString, Buffer.alloc(32))));
      },
      { resign: true },
    );
    await refusedByBoth(message, 'CMS_SIGNATURE_INVALID', 'attribute error');
  });

  it('refuses a signingCertificateV2 naming another certificate besides the signer (openssl -cades too)', async () => {
    const message = edit(
      (parts) => {
        const ess = children(parts.signedAttributes).find((a) =>
          encodeNode(children(a)[0] as DerTree).equals(derOid(CMS_OID.signingCertificateV2)),
        );
        const certs = children(children(children(children(ess)[1])[0])[0]);
        certs.push(node(der(TAG.sequence, der(TAG.octetString, Buffer.alloc(32, 7)))));
      },
      { resign: true },
    );
    await refusedByBoth(message, 'CMS_SIGNATURE_INVALID', 'CAdES Verification failure');
  });
});
