// PARTNER_NAME is the CA's and the receipt signer's O, and starts their CN: it is taken literally,
// and bounded so that "<name> — Autorité de certification" fits X.520's 64 characters.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { addKey, formatKeyring } from '@passerelle/server-kit';
import { readPartnerConfig } from '../config';
import { startTestPartner, type TestPartner } from '../testing/test-partner';

/** 36 characters, the longest accepted, with the characters DN syntax gives a meaning to. */
const NAME = '#Partenaire "EDI", Ouest + Sud; SASU';

/** The subject as `openssl x509 -subject -nameopt multiline,utf8,-esc_msb,-esc_ctrl` reads it. */
function subjectValues(certificatePem: string): string[] {
  const args = ['x509', '-noout', '-subject', '-nameopt', 'multiline,utf8,-esc_msb,-esc_ctrl'];
  const run = spawnSync('openssl', args, { input: certificatePem, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return [...run.stdout.matchAll(/^ +\w+ += (.*)$/gm)].map((match) => match[1] ?? '');
}

describe('PARTNER_NAME in the CA and receipt-signer certificates', () => {
  let t: TestPartner | undefined;
  afterEach(() => t?.close());

  it('names both literally at the longest length accepted', async () => {
    expect([...NAME]).toHaveLength(36);
    t = await startTestPartner('sqlite', { PARTNER_NAME: NAME });
    expect(subjectValues(t.ctx.ca.certificatePem)).toEqual([
      `${NAME} — Autorité de certification`, // 64 characters
      NAME,
      'FR',
    ]);
    expect(subjectValues(t.ctx.receiptSigner.certificatePem)).toEqual([
      `${NAME} — Accusés de réception`,
      NAME,
      'FR',
    ]);
  });

  it('refuses at start a longer name, or one holding a control character', () => {
    const env = {
      PUBLIC_URL: 'http://partenaire.test',
      MASTER_KEY: formatKeyring(addKey(undefined)),
    };
    expect(() => readPartnerConfig({ ...env, PARTNER_NAME: `${NAME}x` })).toThrow(/PARTNER_NAME/);
    expect(() => readPartnerConfig({ ...env, PARTNER_NAME: 'Partenaire\nEDI' })).toThrow(
      /PARTNER_NAME.*caractère de contrôle interdit/,
    );
    expect(readPartnerConfig({ ...env, PARTNER_NAME: NAME }).partnerName).toBe(NAME);
  });
});
