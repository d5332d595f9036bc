// Exactly once across crashes: the declarant server is killed with SIGKILL at random moments
// while a 200-declaration batch is signed, delivered and followed, then restarted, ten times.
// At the end the partner must hold exactly one deposit per declaration and every declaration
// must have reached its final status — counted as lost, duplicated and unexpected, all zero.
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '../support/postgres-database';
import { SIGNATURE_PASSWORD } from '../support/people';
import { countDeposits, waitUntilFinal, type DeclarationStatus } from '../support/sending-firm';
import { startSendingSystem, type SendingSystem } from '../support/sending-system';

const DECLARATIONS = Number(process.env.CRASH_DECLARATIONS ?? 200);
const KILLS = Number(process.env.CRASH_KILLS ?? 10);
/** Kills land within a second of each start, so the ten of them fall across signing, delivery and polling. */
const MAX_KILL_DELAY_MS = 1000;

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

describe.each(await testDialects())('kill -9 during a 200-declaration batch (%s)', (dialect) => {
  let system: SendingSystem | undefined;
  afterEach(async () => {
    await system?.stop();
  });

  it('ten kills, ten restarts: exactly one deposit per declaration, every one final', async () => {
    const started = performance.now();
    system = await startSendingSystem(dialect, DECLARATIONS);
    const { partner, declarant, firm } = system;
    log(`[${dialect}] seeded in ${Math.round(performance.now() - started)} ms`);
    const random = seeded(20261129);
    let committed = false;
    /** Where each kill landed, read after the restart: statuses and their counts. */
    const kills: { afterMs: number; found: string }[] = [];
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
      await declarant.restart();
      // All or nothing: after a crash the batch is either wholly queued or wholly "prête".
      const listed = await firm.session.all<DeclarationStatus>('/api/declarations');
      const ready = listed.filter((d) => d.status === 'ready').length;
      const found: Record<string, number> = {};
      for (const d of listed) found[d.status] = (found[d.status] ?? 0) + 1;
      kills.push({ afterMs, found: JSON.stringify(found) });
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
      `[${dialect}] kills: ${kills.map((k) => `after ${k.afterMs} ms → ${k.found}`).join(', ')}; ` +
        `deposits ${counts.deposits}, lost ${counts.lost}, duplicated ${counts.duplicated}, ` +
        `unexpected ${counts.unexpected}; final ${JSON.stringify(byStatus)}`,
    );
    expect(counts).toEqual({ deposits: DECLARATIONS, lost: 0, duplicated: 0, unexpected: 0 });
    expect(statuses.filter((d) => d.status === 'accepted')).toHaveLength(DECLARATIONS);
  }, 600_000);
});
