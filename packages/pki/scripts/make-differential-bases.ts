// Writes packages/pki/test-data/cms-differential/: a CA, an ECDSA P-256 and an RSA-2048 holder
// (issued by this package, EKU emailProtection, as the partner issues them), 200 random bytes
// of content, and four valid messages of it — two by createCmsSigner, two by `openssl cms -sign
// -cades` (its signingTime is openssl's clock). Run once; the files are committed so that the
// differential test's seeds replay on every machine. Existing files are overwritten.
// Run: npx tsx packages/pki/scripts/make-differential-bases.ts
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCmsSigner } from '../src/cms/sign';
import { createTestCa, createTestHolder, opensslCmsSign } from '../src/testing/cms-fixtures';
import { encodePem } from '../src/pem';
import { DIFFERENTIAL_DATA_DIR } from '../src/testing/differential-bases';
import { createOpensslFolder } from '../src/testing/openssl';

const HOUR = 3_600_000;
const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const dir = fileURLToPath(DIFFERENTIAL_DATA_DIR);
mkdirSync(dir, { recursive: true });
const write = (name: string, content: string | Uint8Array) =>
  writeFileSync(`${dir}/${name}`, content);

const ca = await createTestCa('CA Différentielle', new Date(now.getTime() - 24 * HOUR));
const ecdsa = await createTestHolder(ca, 'ECDSA-P256', { now: new Date(now.getTime() - 2 * HOUR) });
const rsa = await createTestHolder(ca, 'RSA-2048', { now: new Date(now.getTime() - 2 * HOUR) });
const content = randomBytes(200);
const signingTime = new Date(now.getTime() - HOUR);

write('ca.pem', ca.stored.certificatePem);
write('ecdsa-p256.pem', ecdsa.certificatePem);
write('ecdsa-p256.key', encodePem(ecdsa.privateKeyPkcs8, 'PRIVATE KEY'));
write('rsa-2048.pem', rsa.certificatePem);
write('rsa-2048.key', encodePem(rsa.privateKeyPkcs8, 'PRIVATE KEY'));
write('content.bin', content);
write('ours-ecdsa-p256.p7m', await (await createCmsSigner(ecdsa)).sign(content, signingTime));
const withChain = await createCmsSigner({
  ...rsa,
  extraCertificatesPem: [ca.stored.certificatePem],
});
write('ours-rsa-2048-chain.p7m', await withChain.sign(content, signingTime));
const openssl = createOpensslFolder();
try {
  write('openssl-cades-ecdsa-p256.p7m', opensslCmsSign(openssl, 'cades', content, [ecdsa]));
  const keyid = ['-nodetach', '-cades', '-keyid'];
  write('openssl-keyid-ecdsa-p256.p7m', opensslCmsSign(openssl, 'keyid', content, [ecdsa], keyid));
} finally {
  openssl.remove();
}
console.log(`written to ${dir} (signing time of ours: ${signingTime.toISOString()})`);
