// What `npm start` tells the person: its options, what it reads from each service's banner, and
// the summary once all are ready. Node built-ins only.
import { relative, sep } from 'node:path';
import { SetupError } from './process.mjs';
import { logDirOf, serviceEnv } from './services.mjs';
import { formatSummary } from './summary.mjs';

const USAGE = `Usage : npm start [-- --logs]
  --logs   affiche aussi dans le terminal les journaux JSON des trois services
           (ils sont toujours écrits dans <dossier de données>/logs/)`;

/**
 * The options of `npm start -- …`; undefined after printing the help.
 * @param {string[]} args
 * @returns {{ echoLogs: boolean } | undefined}
 */
export function startOptions(args) {
  let echoLogs = false;
  for (const arg of args) {
    if (arg === '--logs') echoLogs = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return undefined;
    } else throw new SetupError(`Option inconnue : ${arg}\n${USAGE}`);
  }
  return { echoLogs };
}

/**
 * The declarant's banner: its address, and the setup link until the firm is created.
 * @param {string} banner
 * @returns {Record<string, string> | undefined}
 */
export function readDeclarantBanner(banner) {
  const url = /est prêt[ \u00a0]: (\S+)/.exec(banner)?.[1];
  if (!url) return undefined;
  const setupLink = /(\S+\/configuration#jeton=\S+)/.exec(banner)?.[1];
  if (setupLink) return { url, setupLink };
  return /Connectez-vous/.test(banner) ? { url } : undefined;
}

/**
 * The partner's banner: its portal and API page.
 * @param {string} banner
 */
export function readPartnerBanner(banner) {
  const portal = /portail \(espace client\)[ \u00a0]: (\S+)/.exec(banner)?.[1];
  const docs = /documentation[ \u00a0]: (\S+)/.exec(banner)?.[1];
  return portal && docs ? { portal, docs } : undefined;
}

/**
 * The inbox's banner line: its web page.
 * @param {string} banner
 */
export function readInboxBanner(banner) {
  const url = /Boîte de réception locale[ \u00a0]: (\S+)/.exec(banner)?.[1];
  return url ? { url } : undefined;
}

/**
 * How `runServices` reports for `npm start`: logs under the declarant's data folder, and the
 * summary printed once the three services are ready.
 * @param {import('./services.mjs').Service[]} services
 * @param {{ echoLogs: boolean }} options
 * @returns {import('./services.mjs').RunOptions}
 */
export function startSummary(services, options) {
  const declarant = services.find((service) => service.logName === 'declarant');
  const logDir = logDirOf((declarant && serviceEnv(declarant).DATA_DIR) || './var');
  const shown = relative(process.cwd(), logDir);
  const logs = (shown.startsWith('..') || shown === '' ? logDir : shown) + sep;
  const names = services.map((service) => `${service.logName}.log`).join(', ');
  return {
    logDir,
    echoLogs: options.echoLogs,
    onReady(ready) {
      const { declarant: d, partner: p, inbox: i } = ready;
      process.stdout.write(
        formatSummary({
          seconds: Math.round(process.uptime()),
          declarantUrl: d?.url ?? '',
          setupLink: d?.setupLink,
          portalUrl: p?.portal ?? '',
          apiDocsUrl: p?.docs ?? '',
          inboxUrl: i?.url ?? '',
          logs: `${logs} (${names})`,
          echoLogs: options.echoLogs,
        }),
      );
    },
  };
}
