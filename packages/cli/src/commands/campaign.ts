import { readFile, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { zipSync } from 'fflate';
import { MAX_PACK_UPLOAD_BYTES, declarantApi, type CampaignPage } from '@passerelle/contracts';
import type { Invocation } from '../args';
import { CliError, ExitCode } from '../exit-codes';
import { formatDateTime } from '../format/labels';
import { renderTable } from '../format/table';
import { readEveryPage } from '../http/read-pages';
import type { CliIo } from '../io';
import { openSession } from '../session';

type CampaignInvocation = Extract<Invocation, { command: 'campaign' }>;

const inputError = (message: string) => new CliError(ExitCode.usage, message);

/** A pack folder zipped in memory (hidden files left out), bounded like an upload. */
async function zipFolder(folder: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const info = await stat(path);
      if (info.isDirectory()) await walk(path);
      else if (info.isFile()) {
        total += info.size;
        if (total > MAX_PACK_UPLOAD_BYTES) {
          throw inputError(`Le dossier du pack dépasse ${MAX_PACK_UPLOAD_BYTES / 1024 / 1024} Mo.`);
        }
        files[relative(folder, path).split(sep).join('/')] = new Uint8Array(await readFile(path));
      }
    }
  };
  await walk(folder);
  return zipSync(files);
}

/** The archive to upload: the file as it is, or the folder zipped. */
async function packArchive(path: string): Promise<{ bytes: Uint8Array; type: string }> {
  const info = await stat(path).catch(() => {
    throw inputError(`Pack introuvable : ${path}`);
  });
  if (info.isDirectory()) return { bytes: await zipFolder(path), type: 'application/zip' };
  if (info.size > MAX_PACK_UPLOAD_BYTES) {
    throw inputError(`L’archive dépasse ${MAX_PACK_UPLOAD_BYTES / 1024 / 1024} Mo.`);
  }
  const bytes = new Uint8Array(await readFile(path));
  const type = bytes[0] === 0x50 && bytes[1] === 0x4b ? 'application/zip' : 'application/gzip';
  return { bytes, type };
}

/**
 * `passerelle campaign install <folder|archive>`: uploads a campaign pack (a folder is zipped
 * first); the server checks it whole and installs it or refuses it with the file, line and
 * column. `passerelle campaign list`: the packs and which one serves each millésime.
 * Administrators only.
 */
export async function runCampaign(
  invocation: CampaignInvocation,
  io: CliIo,
  signal?: AbortSignal,
): Promise<ExitCode> {
  if (invocation.action === 'install') {
    const path = isAbsolute(invocation.path) ? invocation.path : resolve(io.cwd, invocation.path);
    const file = await packArchive(path);
    const { client } = await openSession(invocation.connection, io, signal);
    const { pack } = await client.upload(
      declarantApi.campaigns.install,
      { body: undefined },
      file,
      {
        timeoutMs: 120_000,
      },
    );
    io.stdout.write(
      `Campagne ${pack.campaign} (édition ${pack.edition}) installée : millésime(s) ${pack.millesimes.join(', ')}.\n`,
    );
    return ExitCode.ok;
  }
  const { client } = await openSession(invocation.connection, io, signal);
  const first: CampaignPage = await client.call(declarantApi.campaigns.list, { query: {} });
  const packs = first.nextCursor
    ? await readEveryPage(client, declarantApi.campaigns.list, { query: {} })
    : first.items;
  io.stdout.write(
    renderTable(
      ['Campagne', 'Édition', 'Millésimes', 'Installée', 'Source'],
      packs.map((p) => [
        p.campaign,
        String(p.edition),
        p.millesimes.join(', '),
        p.installedAt ? `${formatDateTime(p.installedAt)} (${p.installedBy ?? '?'})` : 'livrée',
        p.source,
      ]),
    ),
  );
  io.stdout.write('\n');
  for (const served of first.served) {
    io.stdout.write(
      `millésime ${served.millesime} : exercices clos en ${served.closingYear} — campagne ${served.campaign}, édition ${served.edition}\n`,
    );
  }
  return ExitCode.ok;
}
