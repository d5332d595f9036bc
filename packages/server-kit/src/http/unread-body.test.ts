import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { createLogger } from '../logger';
import {
  refuseUploadThenContinue,
  refuseUploadThenGetWithAgent,
  type RawUpload,
} from '../testing/raw-http';
import { createServer } from './create-server';

const PUBLIC_URL = 'http://app.test';
const BODY_LIMIT = 64 * 1024;
const MIB = 1024 * 1024;

/** A server built by createServer with one route per kind of early refusal. */
async function buildRefusingServer(): Promise<FastifyInstance> {
  const app = await createServer({
    logger: createLogger('silent'),
    publicUrl: PUBLIC_URL,
    trustProxy: false,
    bodyLimit: BODY_LIMIT,
    scripts: 'none',
  });
  app.get('/ok', async () => ({ ok: true }));
  app.post('/json', async (request) => {
    if (typeof request.body !== 'object') throw new AppError('VALIDATION_ERROR', 'objet attendu');
    throw new AppError('VALIDATION_ERROR', 'refusé après lecture du corps');
  });
  // A session guard running before a byte of the body is read.
  app.post(
    '/guarded',
    {
      onRequest: async () => {
        throw new AppError('UNAUTHENTICATED', 'Authentification requise.');
      },
    },
    async () => ({}),
  );
  // A route reading its body as a stream and refusing mid-way (the INFENT import's way).
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/edifact', (_request, payload, done) =>
      done(null, payload),
    );
    scope.post('/stream', async (request) => {
      let seen = 0;
      for await (const chunk of request.body as AsyncIterable<Buffer>) {
        seen += chunk.length;
        if (seen > 16 * 1024) throw new AppError('IMPORT_INVALID', 'Import refusé.');
      }
      return { seen };
    });
  });
  return app;
}

const upload = (overrides: Partial<RawUpload>): RawUpload => ({
  method: 'POST',
  path: '/json',
  headers: { 'content-type': 'application/json' },
  body: Buffer.alloc(4 * MIB, 0x41),
  sentBeforeAnswer: 256 * 1024,
  ...overrides,
});

// Every kind of early refusal: the answer says `Connection: close`, the server takes the rest of
// the upload without a reset, then ends the connection (never a hang, never a stuck socket).
const refusals: [string, number, Partial<RawUpload>][] = [
  ['a 401 before the body is read', 401, { path: '/guarded' }],
  [
    'a CSRF refusal',
    403,
    { headers: { 'content-type': 'application/json', origin: 'https://other.test' } },
  ],
  ['a 413 from the Content-Length', 413, {}],
  ['a 413 counted on a chunked body', 413, { chunked: true }],
  [
    'a 415 unsupported type',
    415,
    { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  ],
  [
    'a 404 on an unknown route',
    404,
    { path: '/nowhere', headers: { 'content-type': 'application/octet-stream' } },
  ],
  [
    'a 422 thrown while the body streams in',
    422,
    { path: '/stream', headers: { 'content-type': 'application/edifact' } },
  ],
  [
    'a 422 thrown while a chunked body streams in',
    422,
    { path: '/stream', headers: { 'content-type': 'application/edifact' }, chunked: true },
  ],
];

describe('a reply sent before the request body was read', () => {
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    app = await buildRefusingServer();
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
  });

  it.each(refusals)('%s closes the connection cleanly after the answer', async (_, status, how) => {
    const outcome = await refuseUploadThenContinue(url, upload(how), '/ok');
    expect(outcome.refusal.status).toBe(status);
    expect(outcome.refusal.headers.connection).toBe('close');
    expect(outcome.next).toBe('closed');
  });

  it.each(refusals)(
    '%s, then a keep-alive agent’s next request is answered',
    async (_, status, how) => {
      const { refusal, next } = await refuseUploadThenGetWithAgent(url, upload(how), '/ok');
      expect(refusal.status).toBe(status);
      expect(next.status).toBe(200);
    },
  );

  it('keeps the connection alive when the whole body was read before the refusal', async () => {
    const outcome = await refuseUploadThenContinue(
      url,
      upload({ body: Buffer.from('{"a":1}'), sentBeforeAnswer: 7 }),
      '/ok',
    );
    expect(outcome.refusal.status).toBe(400);
    expect(outcome.refusal.headers.connection).toBe('keep-alive');
    expect(outcome.next).toBe(200);
  });
});
