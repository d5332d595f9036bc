import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, MailError, type Mailer } from './mailer';
import { startTestInbox, type TestInbox } from './testing';

/** Everything an error shows to a log line or a client, to check that a secret is absent. */
function everythingIn(error: unknown): string {
  const e = error as Error;
  return [e.message, String(e.cause), e.stack, JSON.stringify(e)].join('\n');
}

/** A real SMTP server that requires AUTH (plain text allowed, loopback only) and records logins. */
async function startServerRequiringAuth(user: string, password: string) {
  const logins: { username?: string | null; password?: string | null }[] = [];
  const server = new SMTPServer({
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 500,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ username: auth.username, password: auth.password });
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      stream.on('end', () => callback());
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, logins, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}

describe('createMailer', () => {
  let inbox: TestInbox | undefined;
  let mailer: Mailer | undefined;
  afterEach(async () => {
    mailer?.close();
    await inbox?.close();
    [inbox, mailer] = [undefined, undefined];
  });

  it('delivers a French UTF-8 subject, text and HTML intact', async () => {
    inbox = await startTestInbox();
    mailer = createMailer({
      smtpUrl: inbox.smtpUrl,
      from: 'Partenaire EDI de référence <no-reply@partenaire.test>',
    });
    const { messageId } = await mailer.send({
      to: 'Élodie.Dupré@Cabinet.fr',
      subject: 'Votre code confidentiel EDI-TDFC — « été » ✓',
      text: 'Voici le code : 7K3M-QX2P.\nÀ bientôt, 12 € — œuvre',
      html: '<p>Voici le code : <strong>7K3M-QX2P</strong>. À bientôt, 12 €</p>',
    });
    expect(messageId).toMatch(/^<.+@.+>$/);
    const mail = await inbox.waitForMail((m) => m.to.includes('élodie.dupré@cabinet.fr'));
    expect(mail.subject).toBe('Votre code confidentiel EDI-TDFC — « été » ✓');
    expect(mail.text.trim()).toBe('Voici le code : 7K3M-QX2P.\nÀ bientôt, 12 € — œuvre');
    expect(mail.html).toContain('<strong>7K3M-QX2P</strong>. À bientôt, 12 €');
    expect(mail.from).toBe('Partenaire EDI de référence <no-reply@partenaire.test>');
    expect(Date.parse(mail.receivedAt)).not.toBeNaN();
  });

  it('logs in with the user and percent-encoded password of the URL', async () => {
    const password = 'p@ss:wörd/%';
    const server = await startServerRequiringAuth('cabinet@exemple.fr', password);
    try {
      mailer = createMailer({
        smtpUrl: `smtp://${encodeURIComponent('cabinet@exemple.fr')}:${encodeURIComponent(password)}@127.0.0.1:${server.port}`,
        from: 'cabinet@exemple.fr',
      });
      await mailer.send({ to: 'x@exemple.fr', subject: 'Objet', text: 'Corps' });
      expect(server.logins).toEqual([{ username: 'cabinet@exemple.fr', password }]);
    } finally {
      mailer?.close();
      await server.close();
    }
  });

  it('reports a refused login as a MailError that does not carry the password', async () => {
    const server = await startServerRequiringAuth('cabinet', 'le-bon-mot');
    try {
      mailer = createMailer({
        smtpUrl: `smtp://cabinet:motdepasse-faux@127.0.0.1:${server.port}`,
        from: 'cabinet@exemple.fr',
      });
      const error = await mailer
        .send({ to: 'x@exemple.fr', subject: 's', text: 't' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailError);
      expect(error).toMatchObject({ name: 'MailError', code: 'EAUTH' });
      expect((error as Error).message).toBe('L’envoi de l’email a échoué.');
      expect(server.logins).toHaveLength(1);
      expect(everythingIn(error)).not.toContain('motdepasse-faux');
    } finally {
      mailer?.close();
      await server.close();
    }
  });

  it('reports an unreachable server as a MailError that does not carry the password', async () => {
    // Port 9 (discard) is not served on loopback here: the connection is refused at once.
    mailer = createMailer({ smtpUrl: 'smtp://user:motdepasse@127.0.0.1:9/', from: 'a@b.fr' });
    const error = await mailer
      .send({ to: 'x@y.fr', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).code).toBe('ESOCKET');
    expect(everythingIn(error)).not.toContain('motdepasse');
  });

  it('refuses a URL that is not smtp(s) without echoing it', () => {
    for (const smtpUrl of ['http://user:motdepasse@exemple.fr', 'smtp//user:motdepasse@h', '']) {
      let error: unknown;
      try {
        createMailer({ smtpUrl, from: 'a@b.fr' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TypeError);
      expect(everythingIn(error)).not.toContain('motdepasse');
    }
  });
});
