// The measured part of bench/send-batch on Passerelle's side: "Envoyer" for the whole batch
// (`POST /api/sendings`, one password), then polling until every receipt is verified.
import { performance } from 'node:perf_hooks';
import type { SendingProgress, Transmission } from '@passerelle/contracts';
import { mapLimited } from './api-session';
import type { SendWorld } from './send-world';

/** How often the batch's progress is read (the web UI reads it every second). */
const POLL_MS = 200;
/** Without any new receipt for this long, the run is declared stuck. */
const STALL_MS = 120_000;
/** How long {@link PasserelleResult.settle} waits for the DGFiP's answers at most. */
const SETTLE_MS = 300_000;

export interface PasserelleResult {
  /** Wall time of `POST /api/sendings` (unlock, sign every declaration, commit). */
  signingSeconds: number;
  /** From the request's start to the last `transmitted` event (receipt verified). */
  totalSeconds: number;
  /** From the request's answer to the last `transmitted` event: the delivery worker alone. */
  deliverySeconds: number;
  /** Per declaration, its transmission's `queued` → `transmitted` events, in milliseconds. */
  perDeclarationMs: number[];
  /** Transmissions that took more than one attempt. */
  retried: number;
  /** Problems found (a failed or missing transmission): the run then fails. */
  failures: string[];
  /**
   * Waits until the DGFiP's answers are all in (unmeasured; the baseline starts after, on a quiet
   * partner): the seconds it took, or undefined after SETTLE_MS.
   */
  settle(): Promise<number | undefined>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `declarationIds` in one batch and waits for every verified receipt; `atEnd` is called as
 * soon as the last one is seen (before the timelines are read), to sample the servers.
 */
export async function runPasserelle(
  world: SendWorld,
  declarationIds: readonly string[],
  password: string,
  atEnd: () => void = () => {},
): Promise<PasserelleResult> {
  const { api } = world;
  const startedAt = Date.now();
  const start = performance.now();
  const { sending } = await api.json<{ sending: SendingProgress; transmissionIds: string[] }>(
    'POST',
    '/api/sendings',
    { declarationIds, signatureId: world.signatureId, password },
    202,
  );
  const signingSeconds = (performance.now() - start) / 1000;
  const answeredAt = startedAt + signingSeconds * 1000;

  const progress = () =>
    api
      .json<{ sending: SendingProgress }>('GET', `/api/sendings/${sending.id}`)
      .then((r) => r.sending);
  let current = sending;
  let lastChange = Date.now();
  while (current.transmitted < current.total && current.failed === 0) {
    if (Date.now() - lastChange > STALL_MS) {
      throw new Error(
        `stuck: ${current.transmitted}/${current.total} transmitted, ${current.queued} queued, ` +
          `no receipt for ${STALL_MS / 1000} s`,
      );
    }
    await sleep(POLL_MS);
    const next = await progress();
    if (next.transmitted !== current.transmitted) lastChange = Date.now();
    current = next;
  }
  atEnd();

  // Each declaration's timeline (unmeasured): queued → transmitted, and its attempts.
  const failures: string[] = [];
  const perDeclarationMs: number[] = [];
  let retried = 0;
  let lastReceipt = 0;
  await mapLimited(declarationIds, 8, async (id) => {
    // Newest first: the first item of the first page.
    const { items } = await api.json<{ items: Transmission[] }>(
      'GET',
      `/api/declarations/${id}/transmissions?limit=1`,
    );
    const latest = items[0];
    const at = (status: string) => latest?.history.find((e) => e.status === status)?.at;
    const queued = at('queued');
    const transmitted = at('transmitted');
    if (!latest || !queued || !transmitted) {
      failures.push(
        `${id}: ${latest?.status ?? 'no transmission'} ${latest?.lastError ?? ''}`.trim(),
      );
      return;
    }
    if (latest.attempts > 1) retried += 1;
    const receiptAt = Date.parse(transmitted);
    lastReceipt = Math.max(lastReceipt, receiptAt);
    perDeclarationMs.push(receiptAt - Date.parse(queued));
  });

  return {
    signingSeconds,
    totalSeconds: (lastReceipt - startedAt) / 1000,
    deliverySeconds: (lastReceipt - answeredAt) / 1000,
    perDeclarationMs,
    retried,
    failures,
    async settle() {
      const begin = performance.now();
      while (performance.now() - begin < SETTLE_MS) {
        if ((await progress()).done) return (performance.now() - begin) / 1000;
        // The declarant polls the partner every STATUS_POLL_INTERVAL_MS (5 s by default).
        await sleep(500);
      }
      return undefined;
    },
  };
}
