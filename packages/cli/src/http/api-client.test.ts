import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { declarantApi, defineEndpoint } from '@passerelle/contracts';
import { ApiError, CliError, ExitCode } from '../exit-codes';
import { ApiClient, filenameOf } from './api-client';

const USER = {
  id: 'u1',
  email: 'bruno@cabinet.fr',
  firstName: 'Bruno',
  lastName: 'Martin',
  role: 'collaborator',
  status: 'active',
  hasPassword: true,
  createdAt: '2025-01-01T00:00:00.000Z',
  firm: { id: 'f1', name: 'Cabinet' },
};

let server: Server | undefined;
afterEach(async () => {
  const closing = server;
  server = undefined;
  if (!closing) return;
  closing.closeAllConnections(); // fetch keeps connections alive
  await new Promise((resolve) => closing.close(resolve));
});

/** A real HTTP server answering with `handler`; resolves to its base URL. */
async function serve(
  handler: (request: IncomingMessage, response: ServerResponse, body: string) => void,
): Promise<string> {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => handler(request, response, body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

function json(response: ServerResponse, status: number, body: unknown, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

describe('API client', () => {
  it('signs in, keeps only the session cookie in memory and sends it back, never another', async () => {
    const seen: (string | undefined)[] = [];
    const signInBodies: unknown[] = [];
    const url = await serve((request, response, body) => {
      if (request.url === '/api/session') {
        signInBodies.push(JSON.parse(body));
        expect(request.headers['content-type']).toBe('application/json');
        return json(
          response,
          200,
          { user: USER },
          {
            'set-cookie': ['tracking=1; Path=/', 'passerelle_session=tok3n; Path=/; HttpOnly'],
          },
        );
      }
      seen.push(request.headers.cookie);
      json(response, 200, { status: 'ok' });
    });
    const client = new ApiClient(url);
    const user = await client.signIn('bruno@cabinet.fr', 'mot de passe');
    expect(user.firm.name).toBe('Cabinet');
    expect(signInBodies).toEqual([{ email: 'bruno@cabinet.fr', password: 'mot de passe' }]);
    await client.call(declarantApi.auth.health, {});
    expect(seen).toEqual(['passerelle_session=tok3n']);
  });

  it('turns {code, message, field} refusals into ApiError with their French message and exit code', async () => {
    const url = await serve((_request, response) =>
      json(response, 403, {
        code: 'WRONG_SIGNATURE_PASSWORD',
        message: 'Mot de passe de la signature incorrect.',
        field: 'password',
      }),
    );
    const error = await new ApiClient(url)
      .call(declarantApi.sending.send, {
        body: { declarationIds: [], signatureId: 's', password: 'p' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'WRONG_SIGNATURE_PASSWORD',
      message: 'Mot de passe de la signature incorrect.',
      field: 'password',
      status: 403,
      exitCode: ExitCode.refused,
    });
  });

  it('reports a non-JSON error and an answer outside the contract as failures (exit 1)', async () => {
    const url = await serve((request, response) => {
      if (request.url === '/bad-gateway') {
        response.writeHead(502, { 'content-type': 'text/html' });
        return response.end('<h1>Bad gateway</h1>');
      }
      json(response, 200, { sending: { id: 42 } });
    });
    const client = new ApiClient(url);
    const badGateway = defineEndpoint({
      method: 'GET',
      path: '/bad-gateway',
      summary: 'An answer that is not JSON',
      access: 'public',
      response: z.object({}),
      errors: [],
    });
    const gateway = await client.call(badGateway, {}).catch((e: unknown) => e);
    expect(gateway).toBeInstanceOf(CliError);
    expect(gateway).toMatchObject({
      exitCode: ExitCode.failed,
      message: 'Le serveur a répondu 502 Bad Gateway à /bad-gateway.',
    });
    const shape = await client
      .call(declarantApi.sending.progress, { params: { id: '1' } })
      .catch((e: unknown) => e);
    expect((shape as CliError).message).toContain(
      'Réponse inattendue du serveur à /api/sendings/1 (sending.id',
    );
  });

  it('downloads bytes with the suggested name, and answers undefined for a file not there yet', async () => {
    const bytes = Buffer.from([0x30, 0x82, 0x00, 0xff, 0x0a]);
    const url = await serve((request, response) => {
      if (request.url?.endsWith('/receipt'))
        return json(response, 404, { code: 'NOT_FOUND', message: 'pas encore reçu.' });
      response.writeHead(200, {
        'content-type': 'application/pkcs7-mime',
        'content-disposition': 'attachment; filename="INT0001.p7m"',
      });
      response.end(bytes);
    });
    const client = new ApiClient(url);
    const file = declarantApi.sending.file;
    const signed = await client.download(file, { params: { id: 't', file: 'signed' } });
    expect(signed?.filename).toBe('INT0001.p7m');
    expect(Buffer.from(signed!.bytes).equals(bytes)).toBe(true);
    expect(await client.download(file, { params: { id: 't', file: 'receipt' } })).toBeUndefined();
  });

  it('reads plain and RFC 5987 file names', () => {
    expect(filenameOf('attachment; filename="a b.p7m"')).toBe('a b.p7m');
    expect(filenameOf('attachment; filename=plain.edi')).toBe('plain.edi');
    expect(filenameOf('attachment; filename="x"; filename*=UTF-8\'\'d%C3%A9p%C3%B4t.edi')).toBe(
      'dépôt.edi',
    );
    expect(filenameOf(null)).toBeUndefined();
  });
});
