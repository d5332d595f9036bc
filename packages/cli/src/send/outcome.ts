import type { DeclarationStatus } from '@passerelle/contracts';
import { ExitCode } from '../exit-codes';
import type { ProgressGoal } from '../progress/progress-text';

/** Statuses that are fine once `send --no-wait` stops: sent, the DGFiP's answer to come. */
const underWay: ReadonlySet<DeclarationStatus> = new Set(['transmitted', 'deposited', 'accepted']);

/**
 * The exit code of `send` from the declarations' statuses at the end: 0 when every one is
 * "Acceptée" (or, with --no-wait, at least "Transmise" and not refused), 1 otherwise — a
 * partial rejection is a rejection.
 */
export function sendExitCode(
  statuses: readonly DeclarationStatus[],
  goal: ProgressGoal,
): typeof ExitCode.ok | typeof ExitCode.failed {
  const fine =
    goal === 'final'
      ? (status: DeclarationStatus) => status === 'accepted'
      : (status: DeclarationStatus) => underWay.has(status);
  return statuses.every(fine) ? ExitCode.ok : ExitCode.failed;
}

/** Statuses whose details (the DGFiP's error lines, the last delivery error) are worth showing. */
export const troubledStatuses: ReadonlySet<DeclarationStatus> = new Set([
  'partially_rejected',
  'rejected',
  'syntax_rejected',
  'partner_refused',
  'delivery_failed',
]);
