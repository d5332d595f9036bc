import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import {
  SIGNATURE_PASSWORD,
  startSignatureWorld,
  type SignatureWorld,
} from '../testing/signature-world';
import { unlockSignature } from './signature-unlock.service';

const NEW_PASSWORD = 'hirondelle caramel tonnerre prairie';
const FILE_PASSWORD = 'écureuil lanterne boussole marée';

/** Every form a secret could take in bytes written as text or raw. */
function forms(secret: Buffer | string): string[] {
  const bytes = Buffer.isBuffer(secret) ? secret : Buffer.from(secret, 'utf8');
  return [
    bytes.toString('latin1'),
    bytes.toString('hex'),
    bytes.toString('base64'),
    bytes.toString('base64url'),
  ];
}

describe.each(await testDialects())('no secret in clear at rest or in logs (%s)', (dialect) => {
  let w: SignatureWorld;
  afterEach(async () => {
    await w.close();
  });

  it('keeps the private key, the passwords and the confidential code out of the database and the logs', async () => {
    w = await startSignatureWorld(dialect);
    const signature = await w.createSignature();
    await w.t.call('POST', `/api/signatures/${signature.id}/password`, {
      cookie: w.cookie,
      body: {
        currentPassword: SIGNATURE_PASSWORD,
        password: NEW_PASSWORD,
        passwordConfirmation: NEW_PASSWORD,
      },
    });
    const exported = await w.t.call('POST', `/api/signatures/${signature.id}/export`, {
      cookie: w.cookie,
      body: {
        currentPassword: NEW_PASSWORD,
        password: FILE_PASSWORD,
        passwordConfirmation: FILE_PASSWORD,
      },
    });
    expect(exported.statusCode).toBe(200);
    const { privateKeyPkcs8 } = await unlockSignature(w.t.ctx, {
      userId: w.userId,
      signatureId: signature.id,
      password: NEW_PASSWORD,
      field: 'password',
    });
    const d = Buffer.from(
      createPrivateKey({ key: privateKeyPkcs8, format: 'der', type: 'pkcs8' }).export({
        format: 'jwk',
      }).d!,
      'base64url',
    );
    const secrets = {
      'private key (PKCS#8)': forms(Buffer.from(privateKeyPkcs8)),
      'private scalar': forms(d),
      'signature password': forms(SIGNATURE_PASSWORD),
      'new signature password': forms(NEW_PASSWORD),
      'file password': forms(FILE_PASSWORD),
      'confidential code': [w.code, w.code.replaceAll('-', '')],
    };
    privateKeyPkcs8.fill(0);

    let stored: string;
    if (w.t.sqliteFile) {
      await sql`pragma wal_checkpoint(PASSIVE)`.execute(w.t.ctx.db);
      stored = [w.t.sqliteFile, `${w.t.sqliteFile}-wal`]
        .map((file) => (existsSync(file) ? readFileSync(file).toString('latin1') : ''))
        .join('');
      expect(stored).toContain(signature.serial); // the scan reads the right bytes
    } else {
      const tables = ['signatures', 'audit_events', 'client_space_connections', 'users'] as const;
      const dumps = await Promise.all(
        tables.map((table) => w.t.ctx.db.selectFrom(table).selectAll().execute()),
      );
      stored = JSON.stringify(dumps);
      expect(stored).toContain(signature.serial);
    }
    const logs = [...w.t.logs, ...w.partner.logs].join('\n');
    for (const [name, values] of Object.entries(secrets)) {
      for (const value of values) {
        expect(stored.includes(value), `${name} in the database`).toBe(false);
        expect(logs.includes(value), `${name} in the logs`).toBe(false);
      }
    }
  });
});
