import type { SendingProgress } from '@passerelle/contracts';

/** The counts of one or several batches, as the declarant's GET /api/sendings/:id gives them. */
export type ProgressCounts = Pick<
  SendingProgress,
  'total' | 'queued' | 'transmitted' | 'finished' | 'accepted' | 'rejected' | 'failed'
>;

/**
 * What the wait is for: every declaration final ("acceptée", "rejetée"…), or (--no-wait) every
 * declaration out of the send queue, i.e. at least "transmise" (or failed for good).
 */
export type ProgressGoal = 'final' | 'transmitted';

/** Sums the counts of several batches (a run of more than 1,000 declarations sends several). */
export function addCounts(all: readonly ProgressCounts[]): ProgressCounts {
  const sum: ProgressCounts = {
    total: 0,
    queued: 0,
    transmitted: 0,
    finished: 0,
    accepted: 0,
    rejected: 0,
    failed: 0,
  };
  for (const counts of all)
    for (const key of Object.keys(sum) as (keyof ProgressCounts)[]) sum[key] += counts[key];
  return sum;
}

/** How many declarations reached the goal. */
export function reached(counts: ProgressCounts, goal: ProgressGoal): number {
  return goal === 'final' ? counts.finished : counts.total - counts.queued;
}

/** "0 acceptée", "1 acceptée", "2 acceptées": French plural (0 and 1 take the singular). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count <= 1 ? singular : pluralForm}`;
}

/** Non-breaking spaces before "%", as French typography wants. */
function percent(part: number, total: number): string {
  return `${total === 0 ? 100 : Math.floor((part / total) * 100)}\u00a0%`;
}

/**
 * The progress in words: "12/20 terminées (60 %) · 15 transmises · 11 acceptées · 1 rejetée".
 * Rejections and failures are named only once there are some.
 */
export function progressText(counts: ProgressCounts, goal: ProgressGoal): string {
  const done = reached(counts, goal);
  const head =
    goal === 'final'
      ? `${done}/${counts.total} ${done <= 1 ? 'terminée' : 'terminées'}`
      : `${done}/${counts.total} ${done <= 1 ? 'envoyée' : 'envoyées'}`;
  const parts = [`${head} (${percent(done, counts.total)})`];
  parts.push(plural(counts.transmitted, 'transmise'));
  parts.push(plural(counts.accepted, 'acceptée'));
  if (counts.rejected > 0) parts.push(plural(counts.rejected, 'rejetée'));
  if (counts.failed > 0) parts.push(`${counts.failed} en échec`);
  return parts.join(' · ');
}

/**
 * A bar of `width` cells: "█" final, "▒" out of the queue but not final yet (transmitted,
 * deposited at the DGFiP), "░" still waiting to be sent.
 */
export function progressCells(counts: ProgressCounts, width: number): string {
  if (counts.total === 0) return '█'.repeat(width);
  const cellsFor = (count: number) =>
    Math.min(width, Math.max(0, Math.floor((count / counts.total) * width)));
  const finished = cellsFor(counts.finished);
  const sent = Math.max(finished, cellsFor(counts.total - counts.queued));
  return '█'.repeat(finished) + '▒'.repeat(sent - finished) + '░'.repeat(width - sent);
}

/** The whole bar line, fitted to the terminal's width (the text is cut, never wrapped). */
export function progressBarLine(
  counts: ProgressCounts,
  goal: ProgressGoal,
  columns: number,
): string {
  const text = progressText(counts, goal);
  const barWidth = Math.max(10, Math.min(30, columns - text.length - 4));
  const line = `[${progressCells(counts, barWidth)}] ${text}`;
  const room = Math.max(1, columns - 1);
  return [...line].length > room ? `${[...line].slice(0, room - 1).join('')}…` : line;
}
