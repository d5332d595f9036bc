import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runServices, type Service } from './services.mjs';
import { readDeclarantBanner, readInboxBanner } from './start-output.mjs';
import { formatSummary } from './summary.mjs';

const LINK =
  'http://localhost:3000/configuration#jeton=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

/** A Node process printing pino-like JSON lines around a banner, then waiting to be stopped. */
function fakeServer(logName: string, script: string, ready?: Service['ready']): Service {
  return {
    name: logName,
    logName,
    command: process.execPath,
    args: ['-e', script],
    ready,
  };
}

const declarantScript = `
  const log = (msg) => console.log(JSON.stringify({ level: 30, time: Date.now(), msg }));
  log('database migrated');
  process.stdout.write('\\nPasserelle (déclarant) est prêt : http://localhost:3000\\n' +
    'Première configuration : ouvrez ce lien à usage unique :\\n  ${LINK}\\n\\n');
  log('request completed');
  setInterval(() => {}, 1000);
`;
const inboxScript = `
  console.log(JSON.stringify({ level: 30, msg: 'smtp listening' }));
  console.log('Boîte de réception locale : http://localhost:3100 (SMTP sur 127.0.0.1:1025)');
  setInterval(() => {}, 1000);
`;

/** Collects what runServices writes to the terminal. */
function terminal() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('the services of npm start', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'passerelle-services-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the JSON lines off the terminal and in private log files, reads the banners, stops on request', async () => {
    const out = terminal();
    const err = terminal();
    const stop = new AbortController();
    const logDir = join(dir, 'var', 'logs');
    let ready: Record<string, Record<string, string>> | undefined;
    const code = await runServices(
      [
        fakeServer('declarant', declarantScript, readDeclarantBanner),
        fakeServer('inbox', inboxScript, readInboxBanner),
      ],
      {
        logDir,
        out: out.stream,
        err: err.stream,
        signal: stop.signal,
        onReady(info) {
          ready = structuredClone(info);
          // Stop once the line the declarant logs after its banner has reached its file.
          const declarantLog = join(logDir, 'declarant.log');
          const poll = setInterval(() => {
            if (readFileSync(declarantLog, 'utf8').includes('request completed')) {
              clearInterval(poll);
              stop.abort();
            }
          }, 10);
        },
      },
    );
    expect(code).toBe(0);
    expect(ready).toEqual({
      declarant: { url: 'http://localhost:3000', setupLink: LINK },
      inbox: { url: 'http://localhost:3100' },
    });
    expect(out.text() + err.text()).toBe('');
    // Folder and files private whatever the umask (the test process's is 022).
    expect(statSync(logDir).mode & 0o777).toBe(0o700);
    const declarantLog = join(logDir, 'declarant.log');
    expect(statSync(declarantLog).mode & 0o777).toBe(0o600);
    const lines = readFileSync(declarantLog, 'utf8').trimEnd().split('\n');
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries.map((entry) => entry.msg)).toEqual([
      'database migrated',
      'Passerelle (déclarant) est prêt : http://localhost:3000',
      'Première configuration : ouvrez ce lien à usage unique :',
      '  http://localhost:3000/configuration#jeton=[secret]',
      'request completed',
    ]);
    expect(entries[1]).toMatchObject({ level: 30, stream: 'stdout' });
    expect(readFileSync(join(logDir, 'inbox.log'), 'utf8')).toContain('smtp listening');
  });

  it('with echoLogs, also copies every line to the terminal; the log files are appended to', async () => {
    const logDir = join(dir, 'logs');
    for (const round of [1, 2]) {
      const out = terminal();
      const stop = new AbortController();
      await runServices([fakeServer('inbox', inboxScript, readInboxBanner)], {
        logDir,
        echoLogs: true,
        out: out.stream,
        err: terminal().stream,
        signal: stop.signal,
        onReady: () => stop.abort(),
      });
      expect(out.text()).toContain('{"level":30,"msg":"smtp listening"}\n');
      const log = readFileSync(join(logDir, 'inbox.log'), 'utf8');
      expect(log.match(/smtp listening/g)).toHaveLength(round);
    }
  });

  it('shows the last lines of a service that dies at start and the path of its log, stops the others, fails', async () => {
    const err = terminal();
    const logDir = join(dir, 'logs');
    const code = await runServices(
      [
        fakeServer('inbox', inboxScript, readInboxBanner),
        fakeServer(
          'partner',
          `console.log(JSON.stringify({ level: 30, msg: 'starting' }));
           setTimeout(() => { console.error('Le partenaire EDI ne peut pas démarrer.\\nPORT : doit être un nombre'); process.exit(2); }, 300);`,
        ),
      ],
      { logDir, out: terminal().stream, err: err.stream },
    );
    expect(code).toBe(2);
    expect(err.text()).toContain(
      'Le service « partner » s’est arrêté (code 2) : arrêt des autres services.',
    );
    expect(err.text()).toContain(
      [
        'Ses dernières lignes :',
        '  │ {"level":30,"msg":"starting"}',
        '  │ Le partenaire EDI ne peut pas démarrer.',
        '  │ PORT : doit être un nombre',
        `Journal complet : ${join(logDir, 'partner.log')}`,
      ].join('\n'),
    );
    const entries = readFileSync(join(logDir, 'partner.log'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(entries.at(-1)).toMatchObject({
      level: 50,
      stream: 'stderr',
      msg: 'PORT : doit être un nombre',
    });
  });

  it('refuses a logs folder or a log file others can read, naming the chmod', async () => {
    const logDir = join(dir, 'logs');
    mkdirSync(logDir, { mode: 0o755 });
    chmodSync(logDir, 0o755);
    writeFileSync(join(logDir, 'inbox.log'), '', { mode: 0o644 });
    chmodSync(join(logDir, 'inbox.log'), 0o644);
    expect(() => runServices([fakeServer('inbox', inboxScript)], { logDir })).toThrow(
      `chmod 700 ${logDir}\n  chmod 600 ${join(logDir, 'inbox.log')}`,
    );
  });
});

describe('the summary of npm start', () => {
  const summary = {
    seconds: 74,
    declarantUrl: 'http://localhost:3000',
    portalUrl: 'http://localhost:3200/portail',
    apiDocsUrl: 'http://localhost:3200/api/v1/docs',
    inboxUrl: 'http://localhost:3100',
    logs: 'var/logs/ (inbox.log, partner.log, declarant.log)',
    echoLogs: false,
  };

  it('frames the addresses, and the setup link alone on its line in a double frame', () => {
    const text = formatSummary({ ...summary, setupLink: LINK });
    const width = (line: string) => [...line].length;
    // Each box's lines are as wide as its frame, so the right edge is straight.
    for (const edges of [/^[┌│└]/, /^[╔║╚]/]) {
      const lines = text.split('\n').filter((line) => edges.test(line));
      expect(lines.length).toBeGreaterThan(5);
      expect(new Set(lines.map(width)).size, lines.join('\n')).toBe(1);
    }
    expect(text).toContain('Passerelle est prêt (démarré en 74 s).');
    expect(text).toMatch(/│ {2}Déclarant \(l’application\) +http:\/\/localhost:3000 +│/);
    expect(text).toContain('http://localhost:3200/portail');
    expect(text).toContain('Journaux (JSON) : var/logs/');
    expect(text).toContain('Arrêter : Ctrl-C');
    expect(text).toMatch(new RegExp(`║  ${LINK.replace(/[.?]/g, '\\$&')} +║`));
  });

  it('tells where to sign in once the firm exists', () => {
    const text = formatSummary({ ...summary, setupLink: undefined });
    expect(text).not.toContain('║');
    expect(text).toContain('Connectez-vous sur http://localhost:3000/connexion');
  });
});
