import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from '@passerelle/mail';
import { startTestInbox } from '@passerelle/mail/testing';
import { buildInboxApp } from './app';

describe('local inbox web page', () => {
  let inbox: Awaited<ReturnType<typeof startTestInbox>>;
  afterEach(async () => inbox.close());

  it('lists mail received over SMTP and shows it with clickable links, escaping everything', async () => {
    inbox = await startTestInbox();
    const app = buildInboxApp(inbox);
    const mailer = createMailer({ smtpUrl: inbox.smtpUrl, from: 'Partenaire <p@partenaire.test>' });
    await mailer.send({
      to: 'alice@cabinet.fr',
      subject: '<script>alert(1)</script> Confirmez',
      text: 'Ouvrez http://localhost:3200/portail/verifier-email?jeton=abc pour confirmer.',
    });
    await inbox.waitForMail(() => true);
    const api = (await app.inject({ url: '/api/messages' })).json();
    expect(api.messages).toHaveLength(1);
    const list = (await app.inject({ url: '/' })).body;
    expect(list).toContain('Boîte de réception locale');
    expect(list).not.toContain('<script>alert(1)</script>');
    expect(list).toContain('&lt;script&gt;');
    const page = (await app.inject({ url: `/messages/${api.messages[0].id}` })).body;
    expect(page).toContain('<a href="http://localhost:3200/portail/verifier-email?jeton=abc">');
    expect((await app.inject({ method: 'DELETE', url: '/api/messages' })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/messages' })).json().messages).toEqual([]);
    mailer.close();
    await app.close();
  });
});
