import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '@passerelle/mail';
import { rawHttp } from '@passerelle/server-kit/testing';
import { readInboxConfig } from './config';
import { inboxMessages } from './testing';
import { startMailInbox, type RunningInbox } from './start';

describe('the local inbox app, on random ports, fed over real SMTP', () => {
  let running: RunningInbox | undefined;
  let mailer: Mailer | undefined;
  afterEach(async () => {
    mailer?.close();
    await running?.close();
    [running, mailer] = [undefined, undefined];
  });

  async function start(env: Record<string, string> = {}) {
    const config = readInboxConfig({
      SMTP_PORT: '0',
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      ...env,
    });
    running = await startMailInbox(config);
    mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${running.smtpPort}`,
      from: 'Partenaire EDI <no-reply@partenaire.test>',
    });
    const base = `http://127.0.0.1:${running.httpPort}`;
    return {
      mailer,
      base,
      get: (path: string, init?: RequestInit) => fetch(base + path, init),
    };
  }

  it('lists mail received over SMTP in its JSON API, newest first, and clears it', async () => {
    const { mailer, base, get } = await start();
    await mailer.send({ to: 'alice@cabinet.fr', subject: 'Premier', text: 'un' });
    await mailer.send({ to: 'Bob@Cabinet.fr', subject: 'Confirmez votre adresse', text: 'deux' });

    const messages = await inboxMessages(base);
    expect(messages.map((m) => m.subject)).toEqual(['Confirmez votre adresse', 'Premier']);
    expect(messages[0]).toMatchObject({
      to: ['bob@cabinet.fr'],
      from: 'Partenaire EDI <no-reply@partenaire.test>',
    });
    const one = await get(`/api/messages/${messages[1]?.id}`);
    expect(await one.json()).toMatchObject({ message: { subject: 'Premier', text: 'un\n' } });
    const missing = await get('/api/messages/inconnu');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'NOT_FOUND', message: 'Message introuvable.' });

    const page = await get('/');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const list = await page.text();
    expect(list).toContain('<h1>Boîte de réception locale</h1>');
    // No timed reload under the reader (WCAG 2.2.1): a script reloads when the messages change.
    expect(list).not.toContain('http-equiv="refresh"');
    expect(list).toContain('<script src="/refresh.js" defer></script>');
    expect(list).toContain(`data-messages="${messages.map((m) => m.id).join(',')}"`);
    expect((await get('/refresh.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(list).toContain('gardés en mémoire seulement (les 500 plus récents)');
    expect(list.indexOf('Confirmez votre adresse')).toBeLessThan(list.indexOf('Premier'));

    // A page of another site may not empty the inbox; the inbox's own page or a script may.
    const crossSite = await get('/api/messages', {
      method: 'DELETE',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect((await get('/api/messages', { method: 'DELETE' })).status).toBe(204);
    expect(await (await get('/api/messages')).json()).toEqual({ messages: [] });
  });

  it('escapes a hostile subject, sender and body, and links only the http(s) addresses', async () => {
    const { get } = await start();
    const hostile = createMailer({
      smtpUrl: `smtp://127.0.0.1:${running?.smtpPort}`,
      from: '"<img src=x onerror=alert(1)>" <evil@exemple.test>',
    });
    try {
      await hostile.send({
        to: 'alice@cabinet.fr',
        subject: '<script>alert("objet")</script> & « Confirmez »',
        text:
          'Ouvrez http://localhost:3200/portail/verifier-email?jeton=abc&x=1. Puis\n' +
          '<b>gras</b> javascript:alert(1) http://a.test/"><script>alert(2)</script>',
        html: '<p onclick="alert(3)">Bonjour</p><script>alert(4)</script>',
      });
    } finally {
      hostile.close();
    }
    const listed = await get('/');
    expect(listed.headers.get('content-security-policy')).toContain("script-src 'self'");
    const list = (await listed.text()).replace('<script src="/refresh.js" defer></script>', '');
    expect(list).not.toMatch(/<script|<img/);
    expect(list).toContain(
      '&lt;script&gt;alert(&quot;objet&quot;)&lt;/script&gt; &amp; « Confirmez »',
    );
    expect(list).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;evil@exemple.test&gt;');

    const id = /href="\/messages\/([\w-]+)"/.exec(list)?.[1];
    const response = await get(`/messages/${id}`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    const page = await response.text();
    expect(page).not.toMatch(/<script|<img|<b>|<p onclick/);
    expect(page).toContain(
      '<a href="http://localhost:3200/portail/verifier-email?jeton=abc&amp;x=1" rel="noreferrer">' +
        'http://localhost:3200/portail/verifier-email?jeton=abc&amp;x=1</a>. Puis',
    );
    expect(page).toContain('&lt;b&gt;gras&lt;/b&gt; javascript:alert(1)');
    expect(page).toContain(
      '<a href="http://a.test/" rel="noreferrer">http://a.test/</a>&quot;&gt;',
    );
    // The HTML part is shown only inside a sandboxed srcdoc frame, as an escaped attribute value.
    expect(page).toContain(
      '<iframe sandbox="" srcdoc="&lt;p onclick=&quot;alert(3)&quot;&gt;Bonjour&lt;/p&gt;&lt;script&gt;alert(4)&lt;/script&gt;"',
    );
    expect(page.match(/<pre>/g)).toHaveLength(1);
  });

  it('keeps only the INBOX_MAX_MESSAGES newest messages', async () => {
    const { mailer, base, get } = await start({ INBOX_MAX_MESSAGES: '2' });
    for (const subject of ['un', 'deux', 'trois']) {
      await mailer.send({ to: 'alice@cabinet.fr', subject, text: subject });
    }
    const messages = await inboxMessages(base);
    expect(messages.map((m) => m.subject)).toEqual(['trois', 'deux']);
    expect(await (await get('/')).text()).toContain('(les 2 plus récents)');
  });

  it('answers only to its own names: a rebound Host reads no email and empties nothing', async () => {
    const { mailer, get } = await start();
    await mailer.send({ to: 'alice@cabinet.fr', subject: 'Votre code confidentiel', text: 'X' });
    const port = running!.httpPort;
    const at = (path: string) => `http://127.0.0.1:${port}${path}`;
    // What a page of evil.example gets once its name resolves to 127.0.0.1 (DNS rebinding).
    const rebound = { host: `evil.example:${port}` };
    for (const path of ['/api/messages', '/']) {
      const read = await rawHttp(at(path), { headers: rebound });
      expect(read.status, path).toBe(421);
      expect(read.body).not.toContain('code confidentiel');
      expect(JSON.parse(read.body)).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    }
    const wipe = await rawHttp(at('/api/messages'), {
      method: 'DELETE',
      headers: {
        ...rebound,
        origin: `http://evil.example:${port}`,
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(wipe.status).toBe(421);
    const kept = (await (await get('/api/messages')).json()) as { messages: unknown[] };
    expect(kept.messages).toHaveLength(1);
    // Its own name (PUBLIC_URL's host, localhost by default) and the loopback address are served.
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      expect((await rawHttp(at('/api/messages'), { headers: { host } })).status).toBe(200);
    }
  });

  it('serves the PUBLIC_URL it is given, and its ALLOWED_HOSTS', async () => {
    await start({ PUBLIC_URL: 'http://boite.demo.test', ALLOWED_HOSTS: 'courrier.test' });
    const at = `http://127.0.0.1:${running!.httpPort}/api/messages`;
    for (const [host, status] of [
      ['boite.demo.test', 200],
      ['courrier.test:8025', 200],
      ['autre.courrier.test', 421],
    ] as const) {
      expect((await rawHttp(at, { headers: { host } })).status, host).toBe(status);
    }
    expect(running!.httpUrl).toBe('http://boite.demo.test');
  });

  it('never lets a list, a message or the API be cached', async () => {
    const { mailer, base, get } = await start();
    await mailer.send({ to: 'alice@cabinet.fr', subject: 'Votre code confidentiel', text: 'X' });
    const messages = await inboxMessages(base);
    const id = messages[0]!.id;
    for (const path of ['/api/messages', `/api/messages/${id}`, '/', `/messages/${id}`]) {
      expect((await get(path)).headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await get('/style.css')).headers.get('cache-control')).not.toBe('no-store');
  });

  it('answers an unknown message page with a French 404 page', async () => {
    const { get } = await start();
    const response = await get('/messages/disparu');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<h1>Message introuvable</h1>');
  });
});
