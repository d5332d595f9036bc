import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEndpoint, endpointUrl, isFileContent, fileContent } from './endpoint';

const endpoint = defineEndpoint({
  method: 'GET',
  path: '/api/things/:id/parts/:part',
  summary: 'A part of a thing',
  access: 'user',
  params: z.object({ id: z.string(), part: z.string() }),
  query: z.object({ q: z.string().optional(), limit: z.number().optional() }),
  response: z.object({ ok: z.boolean() }),
  errors: ['NOT_FOUND'],
});

describe('endpointUrl', () => {
  it('fills the path parameters, encoded, and writes the non-empty query entries', () => {
    const url = endpointUrl(endpoint, {
      params: { id: 'a/b', part: 'é' },
      query: { q: '', limit: 20, skipped: undefined },
    });
    expect(url).toBe('/api/things/a%2Fb/parts/%C3%A9?limit=20');
  });

  it('refuses a missing parameter instead of calling a wrong path', () => {
    expect(() => endpointUrl(endpoint, { params: { id: 'x' } })).toThrow(/part/);
  });
});

describe('isFileContent', () => {
  it('tells a file body from a schema', () => {
    expect(isFileContent(fileContent('an EDI file', 'application/edifact'))).toBe(true);
    expect(isFileContent(z.object({}))).toBe(false);
  });
});
