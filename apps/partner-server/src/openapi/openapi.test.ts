import { afterEach, describe, expect, it } from 'vitest';
import { startTestPartner, type TestPartner } from '../testing/test-partner';

describe('partner API description', () => {
  let t: TestPartner;
  afterEach(async () => t.close());

  it('serves an OpenAPI 3.1 document of every v1 route and a readable French page', async () => {
    t = await startTestPartner('sqlite');
    const document = (await t.call('GET', '/api/v1/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    // Every documented operation exists: an unauthenticated call is refused, never "not found".
    for (const [path, operations] of Object.entries(document.paths as Record<string, object>)) {
      for (const method of Object.keys(operations)) {
        const response = await t.call(method.toUpperCase(), path.replace('{serial}', 'ab'));
        expect(response.statusCode, `${method} ${path}`).not.toBe(404);
      }
    }
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/sessions',
        '/api/v1/sessions/refresh',
        '/api/v1/signatures',
        '/api/v1/crl',
      ]),
    );
    const issue = document.paths['/api/v1/signatures'].post;
    expect(issue.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['csrPem', 'confidentialCode', 'validityMonths', 'holder']),
    );
    const page = await t.call('GET', '/api/v1/docs');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('POST /api/v1/signatures/:serial/revocation');
  });

  it('keeps secrets out of its logs', async () => {
    t = await startTestPartner('sqlite', { LOG_LEVEL: 'trace' });
    const { code } = await t.createVerifiedAccount();
    const tokens = await t.signIn();
    await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    const text = t.logs.join('');
    expect(text).toContain('incoming request');
    for (const secret of [
      code,
      tokens.accessToken,
      tokens.refreshToken,
      'cheval agrafe batterie correcte',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
