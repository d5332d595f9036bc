import { afterAll, beforeAll, describe } from 'vitest';
import {
  itRefusesUploadsCleanly,
  type RawUpload,
  type RefusedUploadCase,
} from '@passerelle/server-kit/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

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

  const cases: RefusedUploadCase[] = [
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

  itRefusesUploadsCleanly(cases, () => url, '/api/health');
});
