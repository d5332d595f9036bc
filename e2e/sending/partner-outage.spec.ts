// The partner goes down in the middle of a batch for longer than several retries, then comes
// back: every declaration is delivered, none twice, and each reaches its final status.
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '../support/postgres-database';
import { SIGNATURE_PASSWORD } from '../support/people';
import { countDeposits, waitUntilFinal } from '../support/sending-firm';
import { startSendingSystem, type SendingSystem } from '../support/sending-system';

const DECLARATIONS = 60;
/** Longer than the first retries (0.2 s, 0.4 s, 0.8 s, 1.6 s, then 2 s each). */
const OUTAGE_MS = 8000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Progress {
  total: number;
  queued: number;
  transmitted: number;
}
interface TransmissionView {
  status: string;
  attempts: number;
  lastError: string | null;
}

describe.each(await testDialects())('partner outage during a batch (%s)', (dialect) => {
  let system: SendingSystem | undefined;
  afterEach(async () => {
    await system?.stop();
  });

  it('retries while the partner is down, delivers everything once when it is back', async () => {
    system = await startSendingSystem(dialect, DECLARATIONS);
    const { partner, firm } = system;
    const { sending } = await firm.session.ok<{ sending: { id: string } }>(
      'POST',
      '/api/sendings',
      {
        declarationIds: firm.declarationIds,
        signatureId: firm.signatureId,
        password: SIGNATURE_PASSWORD,
      },
    );
    const progress = () =>
      firm.session.ok<{ sending: Progress }>('GET', `/api/sendings/${sending.id}`);
    // Down once a few are through.
    for (let i = 0; i < 200 && (await progress()).sending.transmitted < 3; i++) await sleep(50);
    await partner.stopPartner();
    const atStop = (await progress()).sending;
    expect(atStop.transmitted).toBeLessThan(DECLARATIONS);
    await sleep(OUTAGE_MS);

    // Meanwhile the waiting ones were tried several times, and say why they wait.
    const waiting = await firm.session.all<{ id: string; status: string }>(
      '/api/declarations?status=queued',
    );
    expect(waiting.length).toBeGreaterThan(0);
    const { items: transmissions } = await firm.session.ok<{ items: TransmissionView[] }>(
      'GET',
      `/api/declarations/${waiting[0]!.id}/transmissions`,
    );
    expect(transmissions[0]!.attempts).toBeGreaterThanOrEqual(3);
    expect(transmissions[0]!.lastError).toMatch(/ne répond pas/);

    await partner.startPartner();
    const statuses = await waitUntilFinal(firm, 120_000);
    const counts = await countDeposits(partner.partnerUrl, firm);
    process.stderr.write(
      `[${dialect}] outage after ${atStop.transmitted} transmitted; ` +
        `${transmissions[0]!.attempts} attempts during it; deposits ${counts.deposits}, lost ${counts.lost}, ` +
        `duplicated ${counts.duplicated}, unexpected ${counts.unexpected}\n`,
    );
    expect(counts).toEqual({ deposits: DECLARATIONS, lost: 0, duplicated: 0, unexpected: 0 });
    expect(statuses.filter((d) => d.status === 'accepted')).toHaveLength(DECLARATIONS);
  }, 600_000);
});
