import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, request, requestRaw } from './client';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(response: Response) {
  const fetch = vi.fn(async (_path: string, _init: RequestInit) => response);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('requestRaw', () => {
  it('sends the bytes as they are with their media type, and reads the JSON answer', async () => {
    const fetch = stubFetch(json(201, { count: 2 }));
    const file = new Blob(["UNA:+.? 'UNB+UNOL:3'"], { type: '' });
    const answer = await requestRaw('POST', '/api/declarations/import', {
      body: file,
      contentType: 'application/edifact',
      schema: z.object({ count: z.number() }),
    });
    expect(answer).toEqual({ count: 2 });
    const [path, init] = fetch.mock.calls[0]!;
    expect(path).toBe('/api/declarations/import');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/edifact',
    });
  });

  it('throws the refusal with its code and the server message', async () => {
    const message = 'Fichier INFENT invalide : segment 3 (BGM) attendu.';
    stubFetch(json(422, { code: 'IMPORT_INVALID', message }));
    const sent = requestRaw('POST', '/api/declarations/import', {
      body: 'x',
      contentType: 'application/edifact',
    });
    await expect(sent).rejects.toBeInstanceOf(ApiError);
    await expect(sent).rejects.toMatchObject({
      status: 422,
      code: 'IMPORT_INVALID',
      serverMessage: message,
    });
  });
});

describe('request', () => {
  it('still sends JSON bodies as JSON', async () => {
    const fetch = stubFetch(new Response(null, { status: 204 }));
    await request('PATCH', '/api/x', { body: { version: 3 } });
    const [, init] = fetch.mock.calls[0]!;
    expect(init.body).toBe('{"version":3}');
    expect(init.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
  });
});
