import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairAndCsr } from '@passerelle/pki';
import {
  atOnce,
  countStatuses,
  testDialects,
  type JsonInjector,
} from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';

const HOLDER = { firstName: 'Bruno', lastName: 'Martin', email: 'bruno.martin@cabinet-exemple.fr' };
const WRONG_CODE = 'AAAA-AAAA-AAAA-AAAA-AAAA';
// What the five checked wrong codes answer, one each, whatever order they finish in.
const CHECKED_ANSWERS = [
  'Code confidentiel EDI-TDFC incorrect : encore 4 essais avant un blocage de 15 minutes.',
  'Code confidentiel EDI-TDFC incorrect : encore 3 essais avant un blocage de 15 minutes.',
  'Code confidentiel EDI-TDFC incorrect : encore 2 essais avant un blocage de 15 minutes.',
  'Code confidentiel EDI-TDFC incorrect : encore 1 essai avant un blocage de 15 minutes.',
  'Code confidentiel EDI-TDFC incorrect : la saisie du code est bloquée pendant 15 minutes et l’administrateur du compte est prévenu par email.',
];

// `CONFIDENTIAL_CODE_INVALID` (403) is only answered once the typed code has been compared with
// the stored one: counting the 403s counts the checks that ran.
describe.each(await testDialects())('confidential code limit (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  async function setup() {
    t = await startTestPartner(dialect);
    const { code } = await t.createVerifiedAccount();
    const { accessToken } = await t.signIn();
    const { csrPem } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    t.inbox.clear();
    const issue = (call: JsonInjector, confidentialCode = WRONG_CODE) =>
      call('POST', '/api/v1/signatures', {
        token: accessToken,
        body: { csrPem, confidentialCode, validityMonths: 12, holder: HOLDER },
      });
    return { code, issue };
  }

  /** Checks the answers to 50 simultaneous wrong codes, and what the administrator received. */
  function expectFiveChecked(responses: Array<{ statusCode: number; json(): unknown }>) {
    expect({
      statuses: countStatuses(responses),
      alerts: t.inbox.messages().filter((m) => /erronés/.test(m.subject)).length,
    }).toEqual({ statuses: { 403: 5, 429: 45 }, alerts: 1 });
    const checked = responses.filter((r) => r.statusCode === 403).map((r) => r.json());
    expect(checked.map((body) => (body as { message: string }).message).sort()).toEqual(
      [...CHECKED_ANSWERS].sort(),
    );
  }

  it('checks exactly 5 of 50 simultaneous wrong codes, each told its remaining attempts; one email', async () => {
    const { code, issue } = await setup();
    const responses = await atOnce(50, () => issue(t.call));
    expectFiveChecked(responses);
    const limited = responses.find((r) => r.statusCode === 429)!;
    expect(limited.json().message).toBe(
      'Trop de codes confidentiels erronés : la saisie du code est bloquée, réessayez dans 15 minutes.',
    );
    expect(Number(limited.headers['retry-after'])).toBe(15 * 60);
    expect((await issue(t.call, code)).statusCode).toBe(429);
    expect(await t.ctx.db.selectFrom('signatures').selectAll().execute()).toHaveLength(0);
  });

  it.runIf(dialect === 'postgres')(
    'checks exactly 5 of 25 + 25 simultaneous wrong codes sent to two instances; one email',
    async () => {
      const { issue } = await setup();
      const other = await t.startInstance();
      const responses = await atOnce(50, (i) => issue(i % 2 === 0 ? t.call : other.call));
      expectFiveChecked(responses);
    },
  );

  it('does not use up an attempt with a right code', async () => {
    const { code, issue } = await setup();
    for (let i = 0; i < 4; i += 1) expect((await issue(t.call)).statusCode).toBe(403);
    expect((await issue(t.call, code)).statusCode).toBe(201);
    const last = await issue(t.call);
    expect(last.statusCode).toBe(403);
    expect(last.json().message).toBe(CHECKED_ANSWERS[4]);
    expect((await issue(t.call, code)).statusCode).toBe(429);
  });
});
