// `npm start`: on a fresh clone, does all the set-up (dependencies, web UI build), then runs
// Passerelle's services until Ctrl-C. Node built-ins only: node_modules may not exist yet.
import { runMain } from './lib/process.mjs';
import { ensureRuntime } from './lib/runtime.mjs';
import { runServices, serviceEnv } from './lib/services.mjs';
import { ensureDependencies, ensureWebBuild } from './lib/setup.mjs';
import {
  readDeclarantBanner,
  readInboxBanner,
  readPartnerBanner,
  startOptions,
  startSummary,
} from './lib/start-output.mjs';

// Node.js 24 (issue #14): re-runs this script under the pinned Node 24 when this one is older.
await ensureRuntime();

const partnerPort = process.env.PARTNER_PORT ?? '3200';
const inboxSmtpPort = process.env.INBOX_SMTP_PORT ?? '1025';

/**
 * Everything `npm start` runs, side by side: each entry is a name, a command and its
 * environment. The person's variables (PORT, PUBLIC_URL, ALLOWED_HOSTS, DATABASE_URL…) are the
 * declarant's; the other services get theirs under their own names (PARTNER_PORT,
 * PARTNER_PUBLIC_URL, PARTNER_ALLOWED_HOSTS, PARTNER_DATABASE_URL, INBOX_SMTP_PORT,
 * INBOX_HTTP_PORT, INBOX_PUBLIC_URL, INBOX_ALLOWED_HOSTS), and an empty value means "default".
 * @type {import('./lib/services.mjs').Service[]}
 */
const services = [
  {
    name: 'boîte mail',
    logName: 'inbox',
    ready: readInboxBanner,
    command: process.execPath,
    args: ['--import', 'tsx', 'apps/mail-inbox/src/main.ts'],
    // The inbox accepts mail from anyone without authentication: it stays on this machine.
    env: {
      SMTP_PORT: inboxSmtpPort,
      HTTP_PORT: process.env.INBOX_HTTP_PORT ?? '3100',
      HOST: '127.0.0.1',
      PUBLIC_URL: process.env.INBOX_PUBLIC_URL ?? '',
      ALLOWED_HOSTS: process.env.INBOX_ALLOWED_HOSTS ?? '',
    },
  },
  {
    name: 'partenaire EDI',
    logName: 'partner',
    ready: readPartnerBanner,
    command: process.execPath,
    args: ['--import', 'tsx', 'apps/partner-server/src/main.ts'],
    defaultEnv: { DATA_DIR: './var' },
    env: {
      PORT: partnerPort,
      PUBLIC_URL: process.env.PARTNER_PUBLIC_URL ?? `http://localhost:${partnerPort}`,
      ALLOWED_HOSTS: process.env.PARTNER_ALLOWED_HOSTS ?? '',
      DATABASE_URL: process.env.PARTNER_DATABASE_URL ?? '',
      SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${inboxSmtpPort}`,
    },
  },
  {
    name: 'déclarant',
    logName: 'declarant',
    ready: readDeclarantBanner,
    command: process.execPath,
    args: ['--import', 'tsx', 'apps/declarant-server/src/main.ts'],
    defaultEnv: {
      DATA_DIR: './var',
      WEB_DIST_DIR: 'apps/declarant-web/dist',
      PARTNER_URL: process.env.PARTNER_PUBLIC_URL ?? `http://localhost:${partnerPort}`,
    },
    env: { SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${inboxSmtpPort}` },
  },
];

runMain(async () => {
  const options = startOptions(process.argv.slice(2));
  if (!options) return 0; // --help
  await ensureDependencies();
  for (const service of services) {
    const distDir = serviceEnv(service).WEB_DIST_DIR;
    // An empty WEB_DIST_DIR serves the API only; another folder is the person's own build.
    if (distDir) await ensureWebBuild(distDir);
  }
  return runServices(services, startSummary(services, options));
});
