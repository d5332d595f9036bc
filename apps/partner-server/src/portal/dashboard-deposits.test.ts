import { afterEach, describe, expect, it } from 'vitest';
import { readContrl, readFixture, readInfentCr } from '@passerelle/tdfc';
import { testDialects } from '@passerelle/server-kit/testing';
import { createDepositAccount, infentInterchange, postDeposit } from '../testing/deposits';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import { getPage, pageText, signInOnPortal } from '../testing/portal-client';

describe.each(await testDialects())('portal: the account’s deposits (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  it('lists deposits with status, readable errors and the DGFiP returns to download', async () => {
    t = await startTestPartner(dialect, { DGFIP_DELAY_MS: '0' });
    const account = await createDepositAccount(t);
    const partial = readFixture('liasseSimplifiee');
    (partial.forms['2033A'] ??= [{}])[0]!.AA = -5;
    const bodies = [
      infentInterchange({ reference: 'ACCEPTE01' }),
      infentInterchange({ reference: 'PARTIEL01', declarations: [partial] }),
      infentInterchange({ reference: 'CONTRL01', partnerNumber: '1234567' }),
    ];
    const ids: string[] = [];
    for (const body of bodies) {
      const response = await postDeposit(t, account.token, await account.signer.sign(body));
      ids.push(response.json().deposit.id);
      t.clock.advance(1000);
    }
    await postDeposit(t, account.token, Buffer.from('pas un fichier signé'));
    const cookie = await signInOnPortal(t);

    const received = pageText((await getPage(t, '/portail', cookie)).body);
    expect(received).toContain('ACCEPTE01');
    expect(received).toContain('Reçu');
    expect(received).toContain(
      '1 dépôt refusé à la réception (non conservés) : fichier illisible (1).',
    );

    expect(await t.runDgfip()).toBe(3);
    const page = await getPage(t, '/portail', cookie);
    const text = pageText(page.body);
    expect(text).toContain('843217654');
    expect(text).toContain('Accepté');
    expect(text).toContain('Rejet partiel');
    expect(text).toContain('Rejet syntaxique (CONTRL)');
    // The partial rejection's line, readable: severity, then the DGFiP's French message.
    expect(text).toMatch(/Rejet\u00a0: Formulaire 2033-A, case AA \([^)]+\) : montant négatif/);
    expect(text).toContain('1 erreur dont 1 rejet'); // the CONTRL's
    expect(page.body).toContain(`/portail/depots/${ids[0]}/cr`);
    expect(page.body).not.toContain(`/portail/depots/${ids[0]}/contrl`);
    expect(page.body).toContain(`/portail/depots/${ids[2]}/contrl`);

    const cr = await getPage(t, `/portail/depots/${ids[1]}/cr`, cookie);
    expect(cr.statusCode).toBe(200);
    expect(cr.headers['content-type']).toBe('application/edifact; charset=iso-8859-15');
    expect(cr.headers['content-disposition']).toBe('attachment; filename="cr-PARTIEL01.edi"');
    expect(readInfentCr(cr.rawPayload.toString('latin1')).status).toBe('RJP');
    const contrl = await getPage(t, `/portail/depots/${ids[2]}/contrl`, cookie);
    expect(readContrl(contrl.rawPayload.toString('latin1')).envelope.sender).toBe('DGI_EDI_TDFC');
    // No CONTRL for an accepted deposit, nothing of another kind.
    expect((await getPage(t, `/portail/depots/${ids[0]}/contrl`, cookie)).statusCode).toBe(404);
    expect((await getPage(t, `/portail/depots/${ids[0]}/recu`, cookie)).statusCode).toBe(404);
  });

  it('never shows or serves another account’s deposits', async () => {
    t = await startTestPartner(dialect, { DGFIP_DELAY_MS: '0' });
    const other = await createDepositAccount(t, {
      adminEmail: 'claire@cabinet-autre.fr',
      firmName: 'Cabinet Autre',
    });
    const response = await postDeposit(
      t,
      other.token,
      await other.signer.sign(infentInterchange({ reference: 'AUTRE01' })),
    );
    const id = response.json().deposit.id;
    await t.runDgfip();
    await t.createVerifiedAccount();
    const cookie = await signInOnPortal(t);
    const dashboard = await getPage(t, '/portail', cookie);
    expect(pageText(dashboard.body)).toContain('Aucun dépôt pour le moment.');
    expect(dashboard.body).not.toContain('AUTRE01');
    const download = await getPage(t, `/portail/depots/${id}/cr`, cookie);
    expect(download.statusCode).toBe(404);
    expect(download.headers['content-type']).toContain('text/html');
  });
});
