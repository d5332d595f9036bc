// Exactly once across crashes: the declarant server is killed with SIGKILL at random moments
// while a 200-declaration batch is signed, delivered and followed, then restarted, ten times.
// At the end the partner must hold exactly one deposit per declaration and every declaration
// must have reached its final status — counted as lost, duplicated and unexpected, all zero.
import { afterEach, describe, expect, it } from 'vitest';
import { startRestartableDeclarant, type RestartableDeclarant } from '../support/declarant-process';
import { startPartnerWithInbox, type PartnerProcesses } from '../support/partner-processes';
import { serverDatabases, testDialects } from '../support/postgres-database';
import {
  partnerDeposits,
  seedSendingFirm,
  SIGNATURE_PASSWORD,
  type SendingFirm,
} from '../support/sending-firm';

const DECLARATIONS = Number(process.env.CRASH_DECLARATIONS ?? 200);
const KILLS = Number(process.env.CRASH_KILLS ?? 10);
/** Kills land anywhere in the first seconds after each start: signing, delivery, polling. */
const MAX_KILL_DELAY_MS = 3000;

/** Fast retries so the run stays short; the mechanisms are the production ones. */
export const FAST_DELIVERY = {
  DELIVERY_INTERVAL_MS: '200',
  DELIVERY_LEASE_MS: '3000',
  DELIVERY_BACKOFF_BASE_MS: '200',
  DELIVERY_BACKOFF_MAX_MS: '2000',
  DELIVERY_MAX_ATTEMPTS: '100',
  PARTNER_TIMEOUT_MS: '2000',
  STATUS_POLL_INTERVAL_MS: '300',
};

/** A small deterministic generator (mulberry32): the same kill moments at every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Progress lines on stderr (vitest shows them live). */
const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Summary = { id: string; siren: string; status: string };
const FINAL = ['accepted', 'partially_rejected', 'rejected', 'syntax_rejected', 'partner_refused'];

/** Waits until every declaration is final (or the deadline), returning the last statuses. */
export async function waitUntilFinal(firm: SendingFirm, deadlineMs: number): Promise<Summary[]> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const { body } = await firm.session.call<{ declarations: Summary[] }>(
      'GET',
      '/api/declarations',
    );
    const ours = body.declarations.filter((d) => firm.declarationIds.includes(d.id));
    if (ours.every((d) => FINAL.includes(d.status)) || Date.now() > end) return ours;
    await sleep(500);
  }
}

/** Lost, duplicated and unexpected deposits, counted against the declarations' SIRENs. */
export async function countDeposits(partnerUrl: string, firm: SendingFirm) {
  const deposits = await partnerDeposits(partnerUrl);
  const bySiren = new Map<string, number>();
  for (const deposit of deposits) {
    bySiren.set(deposit.siren ?? '?', (bySiren.get(deposit.siren ?? '?') ?? 0) + 1);
  }
  const expected = new Set(firm.sirens);
  return {
    deposits: deposits.length,
    lost: firm.sirens.filter((siren) => !bySiren.has(siren)).length,
    duplicated: [...bySiren.entries()].filter(([siren, n]) => expected.has(siren) && n > 1).length,
    unexpected: [...bySiren.keys()].filter((siren) => !expected.has(siren)).length,
  };
}

describe.each(await testDialects())('kill -9 during a 200-declaration batch (%s)', (dialect) => {
  let partner: PartnerProcesses | undefined;
  let declarant: RestartableDeclarant | undefined;
  let dropDatabases: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await declarant?.stop();
    await partner?.stop();
    await dropDatabases?.();
  });

  it('ten kills, ten restarts: exactly one deposit per declaration, every one final', async () => {
    const started = performance.now();
    const databases = await serverDatabases(dialect);
    dropDatabases = databases.drop;
    partner = await startPartnerWithInbox({
      DGFIP_DELAY_MS: '300',
      DGFIP_POLL_MS: '100',
      ...databases.partnerEnv,
    });
    declarant = await startRestartableDeclarant({
      PARTNER_URL: partner.partnerUrl,
      SMTP_URL: partner.smtpUrl,
      ...FAST_DELIVERY,
      ...databases.declarantEnv,
    });
    const firm = await seedSendingFirm({
      declarantUrl: declarant.url,
      setupLink: declarant.setupLink,
      partnerUrl: partner.partnerUrl,
      inboxUrl: partner.inboxUrl,
      count: DECLARATIONS,
    });
    log(`[${dialect}] seeded in ${Math.round(performance.now() - started)} ms`);
    const random = seeded(20261129);
    let committed = false;
    const kills: { afterMs: number; committed: boolean }[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      // Until the batch is committed, "Envoyer" is clicked again after each restart.
      const sending = committed
        ? Promise.resolve()
        : firm.session
            .call('POST', '/api/sendings', {
              declarationIds: firm.declarationIds,
              signatureId: firm.signatureId,
              password: SIGNATURE_PASSWORD,
            })
            .then((answer) => {
              if (answer.status === 202) committed = true;
              else
                log(
                  `[${dialect}] Envoyer answered ${answer.status} ${JSON.stringify(answer.body)}`,
                );
            })
            .catch(() => undefined); // the server died under the request
      // The first kills hit the signing request; if it never got through, the next attempt is
      // let through, and the remaining kills hit delivery and polling.
      if (kill >= 3) await sending;
      const afterMs = Math.round(random() * MAX_KILL_DELAY_MS);
      await sleep(afterMs);
      await declarant.kill();
      await sending;
      kills.push({ afterMs, committed });
      await declarant.restart();
      // All or nothing: after a crash the batch is either wholly queued or wholly "prête".
      const { body } = await firm.session.call<{ declarations: Summary[] }>(
        'GET',
        '/api/declarations',
      );
      const ready = body.declarations.filter((d) => d.status === 'ready').length;
      expect([0, DECLARATIONS]).toContain(ready);
      if (ready === 0) committed = true;
    }
    expect(committed).toBe(true);

    const killed = performance.now();
    const statuses = await waitUntilFinal(firm, 120_000);
    log(`[${dialect}] final after ${Math.round(performance.now() - killed)} ms`);
    const counts = await countDeposits(partner.partnerUrl, firm);
    const byStatus: Record<string, number> = {};
    for (const d of statuses) byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    log(
      `[${dialect}] kills after ${kills.map((k) => `${k.afterMs} ms`).join(', ')}; ` +
        `deposits ${counts.deposits}, lost ${counts.lost}, duplicated ${counts.duplicated}, ` +
        `unexpected ${counts.unexpected}; final ${JSON.stringify(byStatus)}`,
    );
    expect(counts).toEqual({ deposits: DECLARATIONS, lost: 0, duplicated: 0, unexpected: 0 });
    expect(statuses.filter((d) => d.status === 'accepted')).toHaveLength(DECLARATIONS);
  }, 600_000);
});
