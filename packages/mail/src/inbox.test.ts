import { afterEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from './inbox';
import { createMailer, MailError, type Mailer } from './mailer';
import { startTestInbox, type TestInbox } from './testing';

describe('the inbox core over real SMTP', () => {
  let inbox: TestInbox | undefined;
  let mailer: Mailer | undefined;
  afterEach(async () => {
    mailer?.close();
    await inbox?.close();
    [inbox, mailer] = [undefined, undefined];
  });

  async function start(maxMessages?: number) {
    inbox = await startTestInbox(maxMessages === undefined ? {} : { maxMessages });
    mailer = createMailer({ smtpUrl: inbox.smtpUrl, from: 'Partenaire <p@partenaire.test>' });
    return { inbox, mailer };
  }

  it('lists messages newest first and drops the oldest past the cap', async () => {
    const { inbox, mailer } = await start(2);
    for (const subject of ['premier', 'deuxième', 'troisième']) {
      await mailer.send({ to: 'a@cabinet.fr', subject, text: subject });
    }
    expect(inbox.messages().map((m) => m.subject)).toEqual(['troisième', 'deuxième']);
    const newest = inbox.messages()[0];
    expect(newest && inbox.find(newest.id)).toEqual(newest);
    inbox.clear();
    expect(inbox.messages()).toEqual([]);
  });

  it('waits for a message still to come, and times out naming what did arrive', async () => {
    const { inbox, mailer } = await start();
    const waiting = inbox.waitForMail((m) => m.subject === 'tardif');
    await mailer.send({ to: 'a@cabinet.fr', subject: 'autre', text: '.' });
    await mailer.send({ to: 'a@cabinet.fr', subject: 'tardif', text: '.' });
    expect((await waiting).subject).toBe('tardif');
    await expect(
      inbox.waitForMail((m) => m.subject === 'jamais', { timeoutMs: 50 }),
    ).rejects.toThrow(/Aucun email attendu reçu en 50 ms \(2 en boîte\u00a0: «\u00a0autre\u00a0»/);
  });

  it('refuses a message over 10 MiB with SMTP 552 and keeps nothing of it', async () => {
    const { inbox, mailer } = await start();
    const line = `${'x'.repeat(75)}\n`;
    const text = line.repeat(Math.ceil(MAX_MESSAGE_BYTES / line.length) + 1);
    const error = await mailer
      .send({ to: 'a@cabinet.fr', subject: 'énorme', text })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect(String((error as MailError).cause)).toContain('552');
    expect(inbox.messages()).toEqual([]);
    await mailer.send({ to: 'a@cabinet.fr', subject: 'normal', text: 'ok' });
    expect(inbox.messages().map((m) => m.subject)).toEqual(['normal']);
  });

  it('closes within seconds even while a pooled sender keeps its connection open', async () => {
    const { inbox, mailer } = await start();
    await mailer.send({ to: 'a@cabinet.fr', subject: 'garde la connexion', text: '.' });
    const started = Date.now();
    await inbox.close();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
