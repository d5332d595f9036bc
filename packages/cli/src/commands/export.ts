import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { declarantApi, type Transmission, type TransmissionFileKind } from '@passerelle/contracts';
import type { Invocation } from '../args';
import { findLatestTransmission } from '../declarations/latest-transmissions';
import { CliError, ExitCode, usageError } from '../exit-codes';
import { transmissionStatusLabel } from '../format/labels';
import type { CliIo } from '../io';
import { openSession } from '../session';

type ExportInvocation = Extract<Invocation, { command: 'export' }>;

/** One file of a transmission: its download route, when it exists, and a name if none is given. */
interface ExportedFile {
  route: TransmissionFileKind;
  available: boolean;
  fallbackName: string;
  /** Said on stderr when the file does not exist (yet). */
  missing?: string;
}

/** The files of a transmission, in the order they come to exist. */
export function transmissionFiles(transmission: Transmission): ExportedFile[] {
  const id = transmission.id;
  return [
    { route: 'signed', available: true, fallbackName: `${id}.p7m` },
    {
      route: 'receipt',
      available: transmission.receipt !== null,
      fallbackName: `${id}-accuse-reception.p7m`,
      missing: `Pas encore d’accusé de réception du partenaire (« ${transmissionStatusLabel(transmission.status)} »).`,
    },
    { route: 'contrl', available: transmission.hasContrl, fallbackName: `${id}-contrl.edi` },
    {
      route: 'cr',
      available: transmission.hasCr,
      fallbackName: `${id}-cr.edi`,
      missing: transmission.hasContrl ? undefined : 'Pas encore de compte rendu (CR) de la DGFiP.',
    },
  ];
}

/**
 * A server-suggested file name reduced to a plain name in the output folder: no folder part,
 * nothing outside letters, digits, ".", "-" and "_" (so no "../" can escape --out).
 */
export function safeFileName(name: string | undefined): string | undefined {
  const base = name
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/[^A-Za-z0-9._-]/g, '_');
  return base && !/^\.+$/.test(base) ? base : undefined;
}

/**
 * `passerelle export --id <declaration>`: writes the latest transmission's signed file (.p7m),
 * the partner's receipt, and the CONTRL / CR when present into --out (created if needed;
 * existing files of the same name are replaced), and prints each path on stdout.
 */
export async function runExport(
  invocation: ExportInvocation,
  io: CliIo,
  signal?: AbortSignal,
): Promise<ExitCode> {
  const { client } = await openSession(invocation.connection, io, signal);
  const transmission = await findLatestTransmission(client, invocation.id);
  if (!transmission)
    throw usageError(`La déclaration ${invocation.id} n’a jamais été envoyée : rien à exporter.`);
  const folder = resolve(io.cwd, invocation.out);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new CliError(
      ExitCode.usage,
      `Impossible de créer le dossier ${invocation.out} (${(error as NodeJS.ErrnoException).code ?? 'erreur'}).`,
    );
  }
  const used = new Set<string>();
  for (const file of transmissionFiles(transmission)) {
    const download = file.available
      ? await client.download(declarantApi.sending.file, {
          params: { id: transmission.id, file: file.route },
        })
      : undefined;
    if (!download) {
      if (file.missing) io.stderr.write(`${file.missing}\n`);
      continue;
    }
    let name = safeFileName(download.filename) ?? file.fallbackName;
    if (used.has(name)) name = file.fallbackName;
    used.add(name);
    try {
      await writeFile(join(folder, name), download.bytes);
    } catch (error) {
      throw new CliError(
        ExitCode.usage,
        `Impossible d’écrire ${join(invocation.out, name)} (${(error as NodeJS.ErrnoException).code ?? 'erreur'}).`,
      );
    }
    io.stdout.write(`${join(invocation.out, name)}\n`);
  }
  return ExitCode.ok;
}
