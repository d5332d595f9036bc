import { declarantApi, type SendingProgress } from '@passerelle/contracts';
import { CliError, ExitCode, interrupted } from '../exit-codes';
import type { ApiClient } from '../http/api-client';
import type { CliIo } from '../io';
import type { ProgressReporter } from '../progress/progress-reporter';
import { addCounts, type ProgressCounts, type ProgressGoal } from '../progress/progress-text';

/** What to tell someone who stops waiting: the batch goes on without them. */
export const GOES_ON =
  'Les déclarations signées restent en file sur le serveur, qui les envoie sans vous : suivez-les avec « passerelle status ».';

export interface WaitOptions {
  goal: ProgressGoal;
  reporter: ProgressReporter;
  io: CliIo;
  signal?: AbortSignal;
  /** The server's figures are read this often (the API asks for about a second). */
  pollMs?: number;
  /** A server restart is waited for this long before giving up (exit 4). */
  outageMs?: number;
}

/** True when a batch has nothing left to wait for, for this goal. */
export function goalReached(sending: SendingProgress, goal: ProgressGoal): boolean {
  return sending.done || (goal === 'transmitted' && sending.queued === 0);
}

/**
 * Polls `GET /api/sendings/:id` of each batch, feeding the progress bar, until every batch
 * reached the goal. The server keeps the batch going on its own, so a server that goes away
 * for a while (a restart) is waited for; Ctrl-C stops the wait only (exit 130).
 */
export async function waitForSendings(
  client: ApiClient,
  sendingIds: readonly string[],
  options: WaitOptions,
): Promise<ProgressCounts> {
  const { goal, reporter, io, signal } = options;
  const pollMs = options.pollMs ?? 1_000;
  const outageMs = options.outageMs ?? 120_000;
  let unreachableSince: number | undefined;
  for (;;) {
    let sendings: SendingProgress[] | undefined;
    try {
      sendings = await Promise.all(
        sendingIds.map(
          async (id) =>
            (await client.call(declarantApi.sending.progress, { params: { id } })).sending,
        ),
      );
      if (unreachableSince !== undefined) reporter.note('Serveur de nouveau joignable.');
      unreachableSince = undefined;
    } catch (error) {
      if (error instanceof CliError && error.exitCode === ExitCode.interrupted)
        throw interrupted(`Interrompu. ${GOES_ON}`);
      if (!(error instanceof CliError) || error.exitCode !== ExitCode.unreachable) throw error;
      if (unreachableSince === undefined) {
        unreachableSince = io.now();
        reporter.note('Serveur injoignable, nouvel essai dans un instant…');
      } else if (io.now() - unreachableSince >= outageMs) {
        throw new CliError(ExitCode.unreachable, `${error.message}\n${GOES_ON}`);
      }
    }
    if (sendings) {
      const counts = addCounts(sendings);
      reporter.update(counts);
      if (sendings.every((sending) => goalReached(sending, goal))) return counts;
    }
    await io.sleep(pollMs, signal);
    if (signal?.aborted) throw interrupted(`Interrompu. ${GOES_ON}`);
  }
}
