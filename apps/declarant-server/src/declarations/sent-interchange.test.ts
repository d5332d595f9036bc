import { afterEach, describe, expect, it } from 'vitest';
import { createOpensslFolder, opensslCmsContent } from '@passerelle/pki/testing';
import { testDialects } from '@passerelle/server-kit/testing';
import { startSendingWorld, type SendingWorld } from '../testing/sending-world';

/** UNB 0020, the interchange control reference, of an INFENT interchange. */
function unbReference(interchange: Buffer): string {
  const unb = /UNB\+([^']*)'/.exec(interchange.toString('latin1'))?.[1];
  const reference = unb?.split('+')[4];
  if (!reference) throw new Error('no UNB reference');
  return reference;
}

/** The content of a signed file as `openssl cms -verify -noverify` outputs it. */
function opensslContent(signed: Buffer): Buffer {
  const folder = createOpensslFolder();
  try {
    return opensslCmsContent(folder, signed);
  } finally {
    folder.remove();
  }
}

// Issue #12 item 6: "Télécharger le fichier EDI" on a sent declaration built a new interchange
// with a new reference instead of giving the one that was filed.
describe.each(await testDialects())(
  '"Télécharger le fichier EDI" after sending (%s)',
  (dialect) => {
    let w: SendingWorld;
    afterEach(async () => {
      await w.close();
    });

    const download = async (id: string) => {
      const file = await w.t.call('GET', `/api/declarations/${id}/interchange`, {
        cookie: w.cookie,
      });
      expect(file.statusCode, file.body).toBe(200);
      return {
        bytes: Buffer.from(file.rawPayload),
        disposition: file.headers['content-disposition'],
      };
    };
    const latestTransmission = async (declarationId: string) =>
      w.t.ctx.db
        .selectFrom('transmissions')
        .select(['id', 'signed_bytes', 'interchange_reference'])
        .where('declaration_id', '=', declarationId)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();

    it('gives exactly the signed interchange once sent, the new draft after an edit, the newest after a resend', async () => {
      // SIREN 999 999 998 is unknown to the simulated DGFiP: the declaration comes back "Rejetée".
      w = await startSendingWorld(dialect, { sirens: ['999999998'] });
      const id = w.declarationIds[0]!;
      const draft = await download(id);
      expect(draft.disposition).toBe('attachment; filename="infent-999999998-20241231.edi"');

      expect((await w.send()).statusCode).toBe(202);
      const sent = await latestTransmission(id);
      const filed = opensslContent(Buffer.from(sent.signed_bytes));
      w.advance(60_000); // a rebuilt interchange would carry another time and reference
      const first = await download(id);
      const second = await download(id);
      expect(first.bytes.equals(filed)).toBe(true);
      expect(second.bytes.equals(filed)).toBe(true);
      expect(unbReference(first.bytes)).toBe(sent.interchange_reference);
      expect(first.disposition).toBe(draft.disposition);

      // Refused by the DGFiP and not edited: still what was filed (and refused).
      await w.runEverything();
      const declaration = async () =>
        (await w.t.call('GET', `/api/declarations/${id}`, { cookie: w.cookie })).json().declaration;
      expect((await declaration()).status).toBe('rejected');
      expect((await download(id)).bytes.equals(filed)).toBe(true);

      // Edited after the refusal: the declaration is a draft again, and so is its interchange.
      const edited = await w.t.call('PATCH', `/api/declarations/${id}/cells`, {
        cookie: w.cookie,
        body: {
          version: (await declaration()).version,
          changes: [{ form: '2065', code: 'AQ', value: 'CONSEIL EN ORGANISATION' }],
        },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().declaration.status).toBe('ready');
      const redrafted = await download(id);
      expect(redrafted.bytes.equals(filed)).toBe(false);
      expect(unbReference(redrafted.bytes)).not.toBe(sent.interchange_reference);
      expect(redrafted.bytes.toString('latin1')).toContain('CONSEIL EN ORGANISATION');

      // Sent again: the newest signed interchange.
      expect((await w.send()).statusCode).toBe(202);
      const resent = await latestTransmission(id);
      expect(resent.id).not.toBe(sent.id);
      const refiled = opensslContent(Buffer.from(resent.signed_bytes));
      expect((await download(id)).bytes.equals(refiled)).toBe(true);
      expect(unbReference(refiled)).toBe(resent.interchange_reference);
      expect(refiled.toString('latin1')).toContain('CONSEIL EN ORGANISATION');
    });
  },
);
