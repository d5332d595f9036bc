// Names, emails and free texts refuse control characters on every declarant request that takes
// them (issue #13, item 10), and a person's "Prénom Nom" must fit a certificate's 64 characters.
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { prepareSetupLink } from './setup/setup.service';
import { buildDossier } from './testing/factories';
import { ADMIN, STRONG_PASSWORD, startTestApp, type TestApp } from './testing/test-app';

/** A valid dossier (its SIREN typed with spaces, as people do). */
const DOSSIER = buildDossier({ siren: '732 829 320', name: 'Boulangerie Martin' });
const TOO_LONG =
  'Prénom et nom trop longs pour un certificat de signature : 65 caractères, 64 au plus (espace compris).';

/** [field, value, the French message expected on that field] */
type Case = readonly [string, string, string];

describe.each(await testDialects())('control characters in declarant requests (%s)', (dialect) => {
  let t: TestApp;
  afterEach(() => t.close());

  async function expectRefusals(
    send: (field: string, value: string) => Promise<{ statusCode: number; json(): unknown }>,
    cases: readonly Case[],
  ) {
    for (const [field, value, message] of cases) {
      const response = await send(field, value);
      expect({ field, value, status: response.statusCode }).toEqual({ field, value, status: 400 });
      expect(response.json()).toEqual({ code: 'VALIDATION_ERROR', field, message });
    }
  }

  it('first-start setup refuses one in the firm name, a name or the email, and a name over 64', async () => {
    t = await startTestApp(dialect);
    const token = (await prepareSetupLink(t.ctx))?.split('#jeton=')[1];
    const body = { token, firmName: 'Cabinet Dupont', ...ADMIN, password: STRONG_PASSWORD };
    await expectRefusals(
      (field, value) =>
        t.call('POST', '/api/setup', {
          body: { ...body, passwordConfirmation: STRONG_PASSWORD, [field]: value },
        }),
      [
        [
          'firmName',
          'Cabinet\nDupont',
          'Nom du cabinet : caractère de contrôle interdit (U+000A).',
        ],
        ['firstName', 'Alice\r', 'Prénom : caractère de contrôle interdit (U+000D).'],
        ['lastName', 'Durand\u202e', 'Nom : caractère de contrôle interdit (U+202E).'],
        ['email', `${ADMIN.email}\t`, 'Adresse email : caractère de contrôle interdit (U+0009).'],
        ['lastName', `${'D'.repeat(59)}`, TOO_LONG], // "Alice" + " " + 59 = 65
      ],
    );
    expect((await t.call('GET', '/api/setup')).json()).toEqual({ needed: true });
  });

  it('users, dossiers (new and edited), sign-in and the client-space connection refuse one too', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const user = { firstName: 'Bruno', lastName: 'Martin', email: 'b@x.fr', role: 'collaborator' };
    await expectRefusals(
      (field, value) => t.call('POST', '/api/users', { cookie, body: { ...user, [field]: value } }),
      [
        ['firstName', 'Bruno\n', 'Prénom : caractère de contrôle interdit (U+000A).'],
        ['lastName', 'Mar\u0085tin', 'Nom : caractère de contrôle interdit (U+0085).'],
        [
          'email',
          'b@x.fr\r\nBcc: y@z.fr',
          'Adresse email : caractère de contrôle interdit (U+000D).',
        ],
        ['lastName', 'M'.repeat(59), TOO_LONG], // "Bruno" + " " + 59 = 65
      ],
    );
    const dossierCases: Case[] = [
      [
        'name',
        'Boulangerie\r\nMartin',
        'Raison sociale : caractère de contrôle interdit (U+000D).',
      ],
      ['street', '3 rue\tdes Lilas', 'Adresse : caractère de contrôle interdit (U+0009).'],
      [
        'complement',
        'Bât.\u2029B',
        'Complément d’adresse : caractère de contrôle interdit (U+2029).',
      ],
      ['city', 'Lyon\u007f', 'Ville : caractère de contrôle interdit (U+007F).'],
    ];
    await expectRefusals(
      (field, value) =>
        t.call('POST', '/api/dossiers', { cookie, body: { ...DOSSIER, [field]: value } }),
      dossierCases,
    );
    const created = await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER });
    const { id } = created.json<{ dossier: { id: string } }>().dossier;
    await expectRefusals(
      (field, value) =>
        t.call('PUT', `/api/dossiers/${id}`, { cookie, body: { ...DOSSIER, [field]: value } }),
      dossierCases,
    );
    const emailRefusal = 'Adresse email : caractère de contrôle interdit (U+000A).';
    await expectRefusals(
      (field, value) =>
        t.call('POST', '/api/session', { body: { [field]: value, password: STRONG_PASSWORD } }),
      [['email', `${ADMIN.email}\n`, emailRefusal]],
    );
    await expectRefusals(
      (field, value) =>
        t.call('POST', '/api/me/client-space', {
          cookie,
          body: { [field]: value, password: STRONG_PASSWORD },
        }),
      [['email', `${ADMIN.email}\n`, emailRefusal]],
    );
    const names = await t.ctx.db.selectFrom('users').select('first_name').execute();
    expect(names).toEqual([{ first_name: ADMIN.firstName }]);
  });

  it('refuses to ask for a certificate naming a person whose names were typed before the bound', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    await t.ctx.db
      .updateTable('users')
      .set({ last_name: 'D'.repeat(70) })
      .execute();
    const response = await t.call('POST', '/api/me/signatures', {
      cookie,
      body: {
        confidentialCode: 'ABCD-EFGH-JKMN-PQRS-TVWX',
        validityMonths: 12,
        password: 'parapluie mandarine escalier volcan',
        passwordConfirmation: 'parapluie mandarine escalier volcan',
      },
    });
    // Refused before the client space is even looked at (it is not connected here).
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'VALIDATION_ERROR',
      message:
        'Prénom et nom trop longs pour un certificat de signature : 76 caractères, 64 au plus (espace compris).',
    });
  });
});
