import '../engine'; // first: installs pkijs' WebCrypto engine
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCmsContent } from './content';
import { createCmsSigner } from './sign';
import { createTestCa, createTestHolder, type TestHolder } from '../testing/cms-fixtures';
import { syncCodeOf } from '../testing/error-code';
import { createOpensslFolder, opensslCmsContent, type OpensslFolder } from '../testing/openssl';

let openssl: OpensslFolder;
let holder: TestHolder;
beforeAll(async () => {
  openssl = createOpensslFolder();
  holder = await createTestHolder(await createTestCa(), 'ECDSA-P256');
});
afterAll(() => openssl.remove());

describe('readCmsContent', () => {
  it('gives back the signed content byte for byte, as openssl outputs it', async () => {
    // Every byte value, CR/LF included: nothing may be normalised on the way.
    const content = randomBytes(50 * 1024);
    const signed = await (await createCmsSigner(holder)).sign(content, new Date());
    const read = readCmsContent(signed);
    expect(read.equals(content)).toBe(true);
    expect(read.equals(opensslCmsContent(openssl, signed))).toBe(true);
    // A copy: zeroing the message afterwards leaves the content intact.
    signed.fill(0);
    expect(read.equals(content)).toBe(true);
  });

  it('refuses what is not a SignedData with attached content: CMS_UNREADABLE', async () => {
    const signed = await (await createCmsSigner(holder)).sign(Buffer.from('UNA'), new Date());
    for (const bytes of [
      Buffer.alloc(0),
      Buffer.from('UNA:+,? '),
      signed.subarray(0, signed.length - 10),
    ]) {
      expect(syncCodeOf(() => readCmsContent(bytes))).toBe('CMS_UNREADABLE');
    }
    expect(syncCodeOf(() => readCmsContent(signed, signed.length - 1))).toBe('CMS_UNREADABLE');
  });
});
