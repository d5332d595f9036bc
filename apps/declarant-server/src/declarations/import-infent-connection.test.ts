import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  refuseUploadThenContinue,
  refuseUploadThenGetWithAgent,
  type RawUpload,
} from '@passerelle/server-kit/testing';
import { startTestApp, type TestApp } from '../test/test-app';

const KIB = 1024;

// Issue #12 item 4: after the INFENT import refused a large upload (422 from 300 kB up), the next
// request on the same keep-alive connection was never answered. Real sockets on a listening
// server; no storage is involved: SQLite only.
describe('refused uploads to the declarant over a real connection', () => {
  let t: TestApp;
  let url: string;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    cookie = await t.setupAdmin();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A 2 MiB upload of which 512 KiB go out before the answer; not EDIFACT at all. */
  const upload = (path: string, headers: Record<string, string>, chunked = false): RawUpload => ({
    method: 'POST',
    path,
    headers: { origin: 'http://passerelle.test', ...headers },
    body: Buffer.alloc(2048 * KIB, 0x41),
    chunked,
    sentBeforeAnswer: 512 * KIB,
  });
  const infent = { 'content-type': 'application/edifact' };

  const cases: [string, number, string, () => RawUpload][] = [
    [
      'an INFENT file refused while it streams in',
      422,
      'IMPORT_INVALID',
      () => upload('/api/declarations/import', { ...infent, cookie }),
    ],
    [
      'a chunked INFENT file refused while it streams in',
      422,
      'IMPORT_INVALID',
      () => upload('/api/declarations/import', { ...infent, cookie }, true),
    ],
    [
      'an INFENT upload without a session',
      401,
      'UNAUTHENTICATED',
      () => upload('/api/declarations/import', infent),
    ],
    [
      'an INFENT upload from another site',
      403,
      'CSRF_REJECTED',
      () =>
        upload('/api/declarations/import', { ...infent, cookie, origin: 'https://ailleurs.test' }),
    ],
    [
      'a JSON body above the limit',
      413,
      'PAYLOAD_TOO_LARGE',
      () => upload('/api/dossiers', { 'content-type': 'application/json', cookie }),
    ],
    [
      'a form body',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      () =>
        upload('/api/dossiers', { 'content-type': 'application/x-www-form-urlencoded', cookie }),
    ],
  ];

  it.each(cases)('%s: refusal, Connection: close, clean end', async (_, status, code, build) => {
    const outcome = await refuseUploadThenContinue(url, build(), '/api/health');
    expect(outcome.refusal.status, outcome.refusal.body).toBe(status);
    expect(JSON.parse(outcome.refusal.body).code).toBe(code);
    expect(outcome.refusal.headers.connection).toBe('close');
    expect(outcome.next).toBe('closed');
  });

  it.each(cases)(
    '%s: a keep-alive agent’s next request is answered',
    async (_, status, __, build) => {
      const { refusal, next } = await refuseUploadThenGetWithAgent(url, build(), '/api/health');
      expect(refusal.status).toBe(status);
      expect(next.status).toBe(200);
    },
  );
});
