import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { MAX_DEPOSIT_BYTES } from '@passerelle/contracts';
import {
  itRefusesUploadsCleanly,
  type RawUpload,
  type RefusedUploadCase,
} from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import { DEPOSIT_MEDIA_TYPE } from './deposits.routes';

const MIB = 1024 * 1024;

// The deposit route refuses early (bearer, Idempotency-Key, declared size, media type) or while
// counting a chunked body against its limit: each refusal must leave the connection usable or
// closed cleanly, over a real socket. No storage is involved: SQLite only.
describe('early deposit refusals over a real connection', () => {
  let t: TestPartner;
  let url: string;
  let token: string;
  beforeAll(async () => {
    t = await startTestPartner('sqlite');
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    await t.createVerifiedAccount();
    token = (await t.signIn()).accessToken;
  });
  afterAll(async () => {
    await t.close();
  });

  const deposit = (overrides: Partial<RawUpload> & { headers?: Record<string, string> }) => {
    const { headers, ...rest } = overrides;
    return {
      method: 'POST',
      path: '/api/v1/deposits',
      headers: {
        'content-type': DEPOSIT_MEDIA_TYPE,
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
        ...headers,
      },
      body: Buffer.alloc(4 * MIB, 0x30),
      sentBeforeAnswer: 256 * 1024,
      ...rest,
    };
  };

  const cases: RefusedUploadCase[] = [
    [
      'an unknown bearer token',
      401,
      'SESSION_EXPIRED',
      () => deposit({ headers: { authorization: 'Bearer inconnu' } }),
    ],
    [
      'a missing Idempotency-Key',
      400,
      'IDEMPOTENCY_KEY_MISSING',
      () => deposit({ headers: { 'idempotency-key': '' } }),
    ],
    [
      'a declared size above the limit',
      413,
      'PAYLOAD_TOO_LARGE',
      () => deposit({ body: Buffer.alloc(MAX_DEPOSIT_BYTES + MIB, 0x30) }),
    ],
    [
      'a chunked body counted past the limit',
      413,
      'PAYLOAD_TOO_LARGE',
      () =>
        deposit({
          body: Buffer.alloc(MAX_DEPOSIT_BYTES + MIB, 0x30),
          chunked: true,
          sentBeforeAnswer: MAX_DEPOSIT_BYTES + 64 * 1024,
        }),
    ],
    [
      'another media type',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      () => deposit({ headers: { 'content-type': 'application/octet-stream' } }),
    ],
  ];

  itRefusesUploadsCleanly(cases, () => url, '/api/v1/deposit-policy');
});
