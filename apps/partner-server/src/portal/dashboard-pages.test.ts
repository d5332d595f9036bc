import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { insertFamily } from '../sessions/tokens.repository';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import { getPage, pageText, signInOnPortal } from '../testing/portal-client';

/** The href of the link named `name` on a page (entities decoded), if any. */
function linkTo(body: string, name: string): string | undefined {
  const match = new RegExp(`<a href="([^"]+)"[^>]*>\\s*${name}\\s*</a\\s*>`).exec(body);
  return match?.[1]?.replace(/&amp;/g, '&');
}

describe.each(await testDialects())('portal: long sections a page at a time (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  it('pages "Connexions des logiciels" with plain links, the other sections untouched', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const account = await t.ctx.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    // 52 software sign-ins of the account, a minute apart, besides the portal's own session.
    for (let i = 0; i < 52; i += 1) {
      await insertFamily(t.ctx.db, {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        kind: 'api',
        account_id: account.id,
        created_at: new Date(Date.UTC(2026, 1, 1, 8, i)).toISOString(),
        expires_at: '2026-06-01T00:00:00.000Z',
      });
    }
    const cookie = await signInOnPortal(t);
    const first = await getPage(t, '/portail', cookie);
    expect(first.statusCode).toBe(200);
    expect(pageText(first.body)).toContain('52 logiciels connectés');
    const revokeButtons = (body: string) =>
      [...body.matchAll(/\/portail\/connexions\/([\w-]+)\/revocation/g)].map((m) => m[1]);
    const firstIds = revokeButtons(first.body);
    expect(firstIds).toHaveLength(50);
    // Newest first: the last sign-in (minute 51) heads the list.
    expect(firstIds[0]).toBe('00000000-0000-4000-8000-000000000051');
    expect(linkTo(first.body, 'Revenir au début')).toBeUndefined();
    expect(linkTo(first.body, 'Dépôts plus anciens')).toBeUndefined();

    const next = linkTo(first.body, 'Connexions plus anciennes');
    expect(next).toMatch(/^\/portail\?connexions=[\w-]+#titre-connexions$/);
    const second = await getPage(t, (next ?? '').split('#')[0] ?? '', cookie);
    const secondIds = revokeButtons(second.body);
    expect(secondIds).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
    expect(linkTo(second.body, 'Connexions plus anciennes')).toBeUndefined();
    expect(linkTo(second.body, 'Revenir au début')).toBe('/portail#titre-connexions');
    // The rest of the dashboard is there as on the first page.
    expect(pageText(second.body)).toContain('Aucun dépôt pour le moment.');

    const forged = await getPage(t, '/portail?connexions=pas-un-curseur', cookie);
    expect(forged.statusCode).toBe(400);
    expect(forged.headers['content-type']).toContain('text/html');
    expect(pageText(forged.body)).toContain(
      'Curseur de pagination invalide : reprenez la liste depuis le début.',
    );
  });
});
