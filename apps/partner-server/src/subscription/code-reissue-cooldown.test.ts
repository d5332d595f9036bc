import { afterEach, describe, expect, it } from 'vitest';
import { atOnce, countStatuses, testDialects } from '@passerelle/server-kit/testing';
import { getPage, pageText, postForm, signInOnPortal } from '../testing/portal-client';
import { startTestPartner, waitForMails, type TestPartner } from '../testing/test-partner';

const MINUTE = 60_000;
const isCode = (m: { subject: string }) => /code confidentiel/.test(m.subject);
const REFUSAL =
  'Un nouveau code vient d’être envoyé : le suivant pourra être demandé dans 15 minutes.';

describe.each(await testDialects())('"Envoyer un nouveau code" cooldown (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  it('re-issues the code once for 10 simultaneous requests: one email, nine 429; again 15 minutes later', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const { accessToken: token } = await t.signIn();
    t.inbox.clear();
    const reissue = (accessToken = token) =>
      t.call('POST', '/api/v1/accounts/current/confidential-code', { token: accessToken });
    const responses = await atOnce(10, () => reissue());
    await waitForMails(t.inbox, isCode, 1);
    const codes = await t.ctx.db.selectFrom('confidential_codes').selectAll().execute();
    expect({
      statuses: countStatuses(responses),
      emails: t.inbox.messages().length,
      codes: codes.length,
    }).toEqual({ statuses: { 201: 1, 429: 9 }, emails: 1, codes: 2 });
    const limited = responses.find((r) => r.statusCode === 429)!;
    expect(limited.json()).toEqual({ code: 'RATE_LIMITED', message: REFUSAL });
    expect(Number(limited.headers['retry-after'])).toBe(15 * 60);

    // (Access tokens live 10 minutes: a new sign-in, as the declarant's refresh would do.)
    t.clock.advance(15 * MINUTE - 1000);
    const later = await t.signIn();
    expect((await reissue(later.accessToken)).statusCode).toBe(429);
    t.clock.advance(1000);
    expect((await reissue(later.accessToken)).statusCode).toBe(201);
  });

  it('shows on the dashboard when a new code can be asked for again, the button disabled until then', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const cookie = await signInOnPortal(t);
    const button = (body: string) =>
      /<button[^>]*>\s*Envoyer un nouveau code/.exec(body)?.[0] ?? '';
    // The subscription's first code can be replaced at once (it may have leaked).
    expect(button((await getPage(t, '/portail', cookie)).body)).not.toContain('disabled');
    expect((await postForm(t, '/portail/nouveau-code', {}, cookie)).statusCode).toBe(303);

    const cooling = (await getPage(t, '/portail', cookie)).body;
    expect(button(cooling)).toContain('disabled');
    expect(button(cooling)).toContain('aria-describedby="nouveau-code-disponible"');
    // The test clock stands at 10:00 in Paris: the cooldown ends at 10:15.
    expect(pageText(cooling)).toContain(
      'Un nouveau code pourra être demandé à partir du 2 mars 2026 à 10:15:00.',
    );
    const again = await postForm(t, '/portail/nouveau-code', {}, cookie);
    expect(again.statusCode).toBe(429);
    expect(pageText(again.body)).toContain(REFUSAL);

    t.clock.advance(15 * MINUTE);
    expect(button((await getPage(t, '/portail', cookie)).body)).not.toContain('disabled');
  });
});
