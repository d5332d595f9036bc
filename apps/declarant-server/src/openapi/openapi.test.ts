import { Ajv2020 } from 'ajv/dist/2020';
import { afterEach, describe, expect, it } from 'vitest';
import { declarantEndpoints, openApiPath } from '@passerelle/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';
import { testDossier, testSiren } from '../testing/factories';

interface Operation {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
type Document = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
};

const ajv = new Ajv2020({ strict: false, validateFormats: false });

/** The JSON schema of an operation's answer with `status`. */
function answerSchema(document: Document, method: string, path: string, status: number): object {
  const schema =
    document.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']
      ?.schema;
  if (!schema) throw new Error(`no JSON answer ${status} for ${method} ${path}`);
  return schema;
}

describe('the declarant OpenAPI document', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('is an OpenAPI 3.1 document of every endpoint of the table, with compilable schemas', async () => {
    t = await startTestApp('sqlite');
    const response = await t.call('GET', '/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json<Document>();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBeTruthy();
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const declared = declarantEndpoints.map((e) => `${e.method} ${openApiPath(e.path)}`);
    expect(documented.toSorted()).toEqual(declared.toSorted());
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        // Every {name} of the path is a path parameter; every status has a description's place.
        const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
        const inPath = (operation.parameters ?? []).filter((p) => p.in === 'path');
        expect(
          inPath.map((p) => p.name),
          `${method} ${path}`,
        ).toEqual(names);
        expect(Object.keys(operation.responses).some((s) => /^2\d\d$/.test(s))).toBe(true);
        for (const answer of Object.values(operation.responses)) {
          for (const media of Object.values(answer.content ?? {})) {
            if (media.schema) expect(() => ajv.compile(media.schema as object)).not.toThrow();
          }
        }
      }
    }
  });

  it('describes the answers real requests get', async () => {
    t = await startTestApp('sqlite');
    const document = (await t.call('GET', '/api/openapi.json')).json<Document>();
    const check = (method: string, path: string, status: number, body: unknown) => {
      const validate = ajv.compile(answerSchema(document, method, path, status));
      expect(validate(body), `${method} ${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    };
    check('get', '/api/setup', 200, (await t.call('GET', '/api/setup')).json());
    const cookie = await t.setupAdmin();
    check('get', '/api/session', 200, (await t.call('GET', '/api/session', { cookie })).json());
    check('get', '/api/users', 200, (await t.call('GET', '/api/users', { cookie })).json());
    const created = await t.call('POST', '/api/dossiers', {
      cookie,
      body: testDossier(testSiren(1), 'Atelier Test'),
    });
    check('post', '/api/dossiers', 201, created.json());
    check('get', '/api/dossiers', 200, (await t.call('GET', '/api/dossiers', { cookie })).json());
    const settings = await t.call('GET', '/api/firm/settings', { cookie });
    check('get', '/api/firm/settings', 200, settings.json());
    // A refusal's body matches its status's error schema.
    const refused = await t.call('GET', '/api/users');
    expect(refused.statusCode).toBe(401);
    check('get', '/api/users', 401, refused.json());
  });

  it('has a readable page of every endpoint, without any script', async () => {
    t = await startTestApp('sqlite');
    const page = await t.call('GET', '/api/docs');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).not.toContain('<script');
    for (const endpoint of declarantEndpoints) {
      expect(page.body).toContain(`<code>${endpoint.method} ${endpoint.path}</code>`);
    }
    expect(page.body).toContain('<code>SIREN_TAKEN</code> (409)');
  });
});
