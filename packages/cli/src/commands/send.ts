import { MAX_SENDING_DECLARATIONS, declarantApi } from '@passerelle/contracts';
import type { Invocation } from '../args';
import {
  getByIds,
  getDossier,
  listAllDeclarations,
  listDossierDeclarations,
  pickByIds,
} from '../declarations/find-declarations';
import { findLatestTransmissions } from '../declarations/latest-transmissions';
import type { ExitCode } from '../exit-codes';
import { formatSiren } from '../format/labels';
import type { ApiClient } from '../http/api-client';
import { readEveryPage } from '../http/read-pages';
import type { CliIo } from '../io';
import { readPasswordFile } from '../password/password-file';
import { promptPassword } from '../password/prompt-password';
import { ProgressReporter } from '../progress/progress-reporter';
import { plural } from '../progress/progress-text';
import { chooseSignature, describeSignature } from '../send/choose-signature';
import { sendExitCode, troubledStatuses } from '../send/outcome';
import { selectReady } from '../send/select-ready';
import { renderSendSummary } from '../send/summary';
import { waitForSendings } from '../send/wait-for-sendings';
import { openSession } from '../session';

type SendInvocation = Extract<Invocation, { command: 'send' }>;

/** The API signs at most this many declarations per request (createSendingRequest). */
const MAX_PER_SENDING = MAX_SENDING_DECLARATIONS;
/** Signing a full batch (one Argon2id unwrap, 1,000 CMS signatures) takes a while. */
const SENDING_TIMEOUT_MS = 10 * 60_000;

/**
 * `passerelle send`: signs in, takes the "Prête" declarations of the selection, picks the
 * signature, asks its password once, posts the batch(es), follows the progress, prints the
 * summary; exit 0 only when everything was accepted (or transmitted, with --no-wait).
 */
export async function runSend(
  invocation: SendInvocation,
  io: CliIo,
  signal?: AbortSignal,
): Promise<ExitCode> {
  const { client } = await openSession(invocation.connection, io, signal);
  const { ready, skipped } = await selectDeclarations(client, invocation);
  const signatures = await readEveryPage(client, declarantApi.signatures.mine, {});
  const signature = chooseSignature(signatures, invocation.signature);

  // Said for a dossier only: with --all-ready the others are the whole firm's, not news.
  const aside = invocation.selection.kind === 'dossier' ? skipped.length : 0;
  io.stderr.write(
    `À envoyer : ${plural(ready.length, 'déclaration')}` +
      (aside === 1 ? ' (1 autre du dossier, pas « Prête », laissée de côté)' : '') +
      (aside > 1 ? ` (${aside} autres du dossier, pas « Prête », laissées de côté)` : '') +
      `.\nSignature : ${describeSignature(signature)}.\n`,
  );
  const password = invocation.passwordFile
    ? await readPasswordFile(invocation.passwordFile, io.cwd)
    : await promptPassword(
        io.stdin,
        io.stderr,
        'Mot de passe de la signature',
        '--password-file <fichier> (ou PASSERELLE_SIGNATURE_PASSWORD_FILE)',
      );

  const sendingIds: string[] = [];
  for (let start = 0; start < ready.length; start += MAX_PER_SENDING) {
    const chunk = ready.slice(start, start + MAX_PER_SENDING);
    try {
      const created = await client.call(
        declarantApi.sending.send,
        { body: { declarationIds: chunk.map((d) => d.id), signatureId: signature.id, password } },
        { timeoutMs: SENDING_TIMEOUT_MS },
      );
      sendingIds.push(created.sending.id);
    } catch (error) {
      if (start > 0)
        io.stderr.write(
          `${start} déclarations déjà signées restent en file d’envoi ; les suivantes n’ont pas été envoyées.\n`,
        );
      throw error;
    }
  }
  io.stderr.write(`Signées et mises en file d’envoi : ${plural(ready.length, 'déclaration')}.\n`);

  const goal = invocation.wait ? 'final' : 'transmitted';
  const reporter = new ProgressReporter(io.stderr, goal, io.now);
  try {
    await waitForSendings(client, sendingIds, { goal, reporter, io, signal });
  } finally {
    reporter.end();
  }

  // The batches' declarations as they are now: one filtered list per batch, not the firm's.
  const now = [];
  for (const sendingId of sendingIds)
    now.push(...(await listAllDeclarations(client, { sendingId })));
  const sent = pickByIds(
    now,
    ready.map((d) => d.id),
  );
  const troubled = sent.filter((d) => troubledStatuses.has(d.status)).map((d) => d.id);
  const latest = await findLatestTransmissions(client, troubled);
  io.stdout.write(renderSendSummary(sent, latest));
  return sendExitCode(
    sent.map((d) => d.status),
    goal,
  );
}

/** The selection's declarations, split into ready ones and the others. */
async function selectDeclarations(client: ApiClient, invocation: SendInvocation) {
  const { selection } = invocation;
  if (selection.kind === 'ids') {
    const named = await getByIds(client, selection.ids);
    return selectReady(named, true, 'parmi celles indiquées');
  }
  if (selection.kind === 'dossier') {
    const dossier = await getDossier(client, selection.dossier);
    const declarations = await listDossierDeclarations(client, dossier);
    const where = `${dossier.name} (${formatSiren(dossier.siren)})`;
    return selectReady(declarations, false, `dans le dossier ${where}`);
  }
  // Only the "Prête" ones are asked for: the filter is the server's.
  const ready = await listAllDeclarations(client, { status: 'ready' });
  return selectReady(ready, false, 'à envoyer');
}
