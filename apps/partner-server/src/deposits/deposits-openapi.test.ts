import { afterEach, describe, expect, it } from 'vitest';
import { startTestPartner, type TestPartner } from '../testing/test-partner';

describe('deposits in the API description', () => {
  let t: TestPartner;
  afterEach(async () => t.close());

  it('documents the deposit endpoints: raw CMS body, Idempotency-Key, query, path id', async () => {
    t = await startTestPartner('sqlite');
    const { paths } = (await t.call('GET', '/api/v1/openapi.json')).json();
    const intake = paths['/api/v1/deposits'].post;
    expect(Object.keys(intake.requestBody.content)).toEqual(['application/pkcs7-mime']);
    expect(intake.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
    );
    expect(intake.responses['202'].content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['deposit', 'receipt']),
    );
    // The refusals under their statuses; a duplicate names the first deposit.
    const duplicate = intake.responses['409'].content['application/json'].schema;
    expect(duplicate.properties.code.enum).toEqual(['DEPOSIT_DUPLICATE']);
    expect(duplicate.properties.depositId).toEqual({ type: 'string' });
    expect(intake.responses['422'].content['application/json'].schema.properties.code.enum).toEqual(
      expect.arrayContaining(['IDEMPOTENCY_KEY_REUSED', 'DEPOSIT_SEAL_INVALID']),
    );
    expect(intake.responses['401'].description).toBe(
      'Refus\u00a0: UNAUTHENTICATED, SESSION_EXPIRED',
    );
    const list = paths['/api/v1/deposits'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual([
      'limit',
      'cursor',
      'updatedSince',
    ]);
    expect(list.responses['200'].content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['items', 'nextCursor', 'total', 'serverTime']),
    );
    const signatures = paths['/api/v1/signatures'].get;
    expect(signatures.parameters.map((p: { name: string }) => p.name)).toEqual(['limit', 'cursor']);
    expect(paths['/api/v1/deposits/{id}'].get.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(paths['/api/v1/deposit-policy'].get.responses['200']).toBeDefined();
    const page = await t.call('GET', '/api/v1/docs');
    expect(page.body).toContain('POST /api/v1/deposits');
  });
});
