// What `npm test` needs besides node_modules: Chromium for the end-to-end tests, pdftotext for
// the declaration PDF's tests, and under CI a
// reachable PostgreSQL (the database tests then run on it instead of being skipped).
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot, run, runOrFail, SetupError, step } from './process.mjs';

const debianChromium = '/usr/bin/chromium';

/** Makes sure a Chromium exists: `CHROMIUM_PATH`, else Debian's, installed here when root. */
export async function ensureChromium() {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen && existsSync(chosen)) return;
  if (existsSync(debianChromium)) {
    if (chosen) console.warn(`CHROMIUM_PATH (${chosen}) n’existe pas ; ${debianChromium} existe.`);
    return;
  }
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new SetupError(
      `Chromium est introuvable (${debianChromium}${chosen ? ` ni ${chosen}` : ''}) : ` +
        'les tests de bout en bout en ont besoin.\n' +
        'Installez-le (Debian : « sudo apt-get install chromium ») ou indiquez son chemin ' +
        'dans la variable CHROMIUM_PATH.',
    );
  }
  await aptInstall('chromium');
  if (!existsSync(debianChromium)) {
    throw new SetupError(`apt-get a installé chromium mais ${debianChromium} est absent.`);
  }
}

const pdftotext = '/usr/bin/pdftotext';

/** Makes sure `pdftotext` (poppler-utils) exists, installed here when root: the PDF tests read with it. */
export async function ensurePdftotext() {
  if (existsSync(pdftotext)) return;
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new SetupError(
      `pdftotext est introuvable (${pdftotext}) : les tests du PDF des déclarations en ont ` +
        'besoin.\nInstallez-le (Debian : « sudo apt-get install poppler-utils »).',
    );
  }
  await aptInstall('poppler-utils');
  if (!existsSync(pdftotext)) {
    throw new SetupError(`apt-get a installé poppler-utils mais ${pdftotext} est absent.`);
  }
}

/**
 * Installs one Debian package (root only; the callers check).
 * @param {string} name
 */
async function aptInstall(name) {
  step(`Installation de ${name} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runOrFail('apt-get', ['update'], { env, stdin: 'ignore' });
  await runOrFail('apt-get', ['install', '-y', '--no-install-recommends', name], {
    env,
    stdin: 'ignore',
  });
}

/** The PostgreSQL that the tests use (same default as server-kit's test-databases.ts). */
export const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Loads `pg` from the installed workspaces (only after `ensureDependencies`).
 * @returns {typeof import('pg')}
 */
function loadPg() {
  const require = createRequire(join(repoRoot, 'packages', 'server-kit', 'package.json'));
  return require('pg');
}

/**
 * Connects and runs `select 1`; resolves to undefined when it works, else to the error.
 * @param {string} url
 * @returns {Promise<(Error & { code?: string }) | undefined>}
 */
async function probe(url) {
  const pg = loadPg();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return /** @type {Error & { code?: string }} */ (error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the test database when the server answers but it does not exist (fresh machine). */
async function createTestDatabase() {
  const url = new URL(testDatabaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const pg = loadPg();
  const client = new pg.Client({ connectionString: url.href, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts the local PostgreSQL clusters the Debian way (`pg_ctlcluster <version> main start`). */
async function startLocalPostgres() {
  const versionsDir = '/etc/postgresql';
  if (!existsSync(versionsDir) || !existsSync('/usr/bin/pg_ctlcluster')) return false;
  step('Démarrage de PostgreSQL…');
  let started = false;
  for (const version of readdirSync(versionsDir)) {
    const args = ['--skip-systemctl-redirect', version, 'main', 'start'];
    if ((await run('pg_ctlcluster', args, { stdin: 'ignore' })) === 0) started = true;
  }
  return started;
}

/**
 * Under CI, makes sure PostgreSQL answers at TEST_DATABASE_URL: starts the local cluster if it
 * does not, creates the test database if missing, and fails when it still cannot be reached.
 */
export async function ensurePostgres() {
  let error = await probe(testDatabaseUrl);
  if (error?.code === '3D000') {
    // invalid_catalog_name: the server answers, the database does not exist.
    await createTestDatabase();
    error = await probe(testDatabaseUrl);
  }
  if (!error) return;
  if (await startLocalPostgres()) {
    for (let attempt = 0; attempt < 30 && error; attempt += 1) {
      await sleep(1000);
      error = await probe(testDatabaseUrl);
      if (error?.code === '3D000') await createTestDatabase();
    }
  }
  if (error) {
    throw new SetupError(
      `PostgreSQL ne répond pas à ${redact(testDatabaseUrl)} (${error.message}).\n` +
        'Sous CI=true les tests PostgreSQL sont obligatoires : démarrez le serveur ou indiquez ' +
        'TEST_DATABASE_URL.',
    );
  }
}

/**
 * The URL without its password, for messages.
 * @param {string} url
 */
function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return url;
  }
}
