import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, MailError } from './mailer';
import { startTestInbox } from './testing';

describe('mailer and inbox over real SMTP', () => {
  let inbox: Awaited<ReturnType<typeof startTestInbox>>;
  afterEach(async () => inbox.close());

  it('delivers a French UTF-8 subject and body intact', async () => {
    inbox = await startTestInbox();
    const mailer = createMailer({
      smtpUrl: inbox.smtpUrl,
      from: 'Partenaire <no-reply@partenaire.test>',
    });
    await mailer.send({
      to: 'Élodie@Cabinet.fr',
      subject: 'Votre code confidentiel EDI-TDFC — « été »',
      text: 'Voici le code : 7K3M-QX2P.\nÀ bientôt, €',
    });
    const mail = await inbox.waitForMail((m) => m.to.includes('élodie@cabinet.fr'));
    expect(mail.subject).toBe('Votre code confidentiel EDI-TDFC — « été »');
    expect(mail.text).toContain('À bientôt, €');
    expect(mail.from).toContain('no-reply@partenaire.test');
    mailer.close();
  });

  it('keeps only the newest messages past the cap, and waits for one still to come', async () => {
    inbox = await startTestInbox();
    const mailer = createMailer({ smtpUrl: inbox.smtpUrl, from: 'a@b.fr' });
    const waiting = inbox.waitForMail((m) => m.subject === 'tardif');
    await mailer.send({ to: 'x@y.fr', subject: 'tardif', text: '.' });
    expect((await waiting).subject).toBe('tardif');
    inbox.clear();
    expect(inbox.messages()).toEqual([]);
    mailer.close();
  });

  it('reports an unreachable server as a MailError without the SMTP password', async () => {
    inbox = await startTestInbox();
    const mailer = createMailer({ smtpUrl: 'smtp://user:motdepasse@127.0.0.1:9/', from: 'a@b.fr' });
    const error = await mailer
      .send({ to: 'x@y.fr', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect(JSON.stringify(error) + String((error as Error).cause)).not.toContain('motdepasse');
    mailer.close();
  });
});
