// `npm start`: on a fresh clone, does all the set-up (dependencies, web UI build), then runs
// Passerelle's services until Ctrl-C. Node built-ins only: node_modules may not exist yet.
import { runMain } from './lib/process.mjs';
import { runServices, serviceEnv } from './lib/services.mjs';
import { ensureDependencies, ensureWebBuild } from './lib/setup.mjs';

/**
 * Everything `npm start` runs, side by side. Add the reference EDI partner and the local mail
 * inbox here: each entry is a name, a command and its environment.
 * @type {import('./lib/services.mjs').Service[]}
 */
const services = [
  {
    name: 'déclarant',
    command: process.execPath,
    args: ['--import', 'tsx', 'apps/declarant-server/src/main.ts'],
    defaultEnv: { DATA_DIR: './var', WEB_DIST_DIR: 'apps/declarant-web/dist' },
  },
];

runMain(async () => {
  await ensureDependencies();
  for (const service of services) {
    const distDir = serviceEnv(service).WEB_DIST_DIR;
    // An empty WEB_DIST_DIR serves the API only; another folder is the person's own build.
    if (distDir) await ensureWebBuild(distDir);
  }
  return runServices(services);
});
