import { afterEach, describe, expect, it, vi } from 'vitest';
import { declarantApi } from '@passerelle/contracts';
import { ApiError, call } from './client';

const { declarations } = declarantApi;

afterEach(() => vi.unstubAllGlobals());

function stubFetch(response: Response) {
  const fetch = vi.fn(async (_path: string, _init: RequestInit) => response);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('call of a file endpoint', () => {
  it('sends the bytes as they are with their media type, and reads the JSON answer', async () => {
    const fetch = stubFetch(json(201, { declarations: [] }));
    const file = new Blob(["UNA:+.? 'UNB+UNOL:3'"], { type: '' });
    const answer = await call(declarations.importInterchange, { body: file });
    expect(answer).toEqual({ declarations: [] });
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
    const sent = call(declarations.importInterchange, { body: 'x' });
    await expect(sent).rejects.toBeInstanceOf(ApiError);
    await expect(sent).rejects.toMatchObject({
      status: 422,
      code: 'IMPORT_INVALID',
      serverMessage: message,
    });
  });
});

describe('call', () => {
  it('fills the path, sends JSON bodies as JSON, and reads nothing of a 204', async () => {
    const fetch = stubFetch(new Response(null, { status: 204 }));
    const body = { currentPassword: 'c', password: 'p', passwordConfirmation: 'p' };
    const id = '0b7a6e4e-2f7f-4d4e-9a55-1f0c3c1d2e3f';
    await call(declarantApi.signatures.changePassword, { params: { id }, body });
    const [path, init] = fetch.mock.calls[0]!;
    expect(path).toBe(`/api/signatures/${id}/password`);
    expect(init.method).toBe('POST');
    expect(init.body).toBe(JSON.stringify(body));
    expect(init.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
  });
});

describe('call of a JSON endpoint', () => {
  it('writes the query and refuses an answer its schema does not describe', async () => {
    const fetch = stubFetch(json(200, { items: 'none' }));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sent = call(declarations.list, { query: { limit: 20, status: 'ready' } });
    await expect(sent).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    expect(fetch.mock.calls[0]![0]).toBe('/api/declarations?limit=20&status=ready');
  });
});
