// Differential test of verifyCms against `openssl cms -verify` (issue #12): seeded mutations of
// fixed valid deposits (test-data/cms-differential/), each judged by verifyCms with the partner's
// options and, when verifyCms accepts it, by openssl with the same trust anchor and time
// (testing/openssl-cms-verify.ts says how). Nothing verifyCms accepts may be refused by openssl.
// A smaller seeded count here; bench/cms-differential.ts runs ≥ 10,000 and the reverse count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDifferentialWorld,
  runCmsDifferential,
  type DifferentialFinding,
  type DifferentialWorld,
} from '../testing/cms-differential';

/** 4 bases × 500: 7–20 s on the shared 2 cores, openssl being asked only about what we accept. */
const MUTATIONS = 2_000;
const SEED = 12;

let world: DifferentialWorld;
beforeAll(() => {
  world = createDifferentialWorld();
});
afterAll(() => world.close());

function described(findings: readonly DifferentialFinding[]): string {
  return findings
    .map((f) => `#${f.index} ${f.base}, ${f.family} ${f.region}: ${f.what}\n  ${f.openssl}`)
    .join('\n');
}

describe('verifyCms against openssl cms -verify', () => {
  it(`accepts none of ${MUTATIONS} seeded mutations that openssl refuses`, async () => {
    const report = await runCmsDifferential(world, { mutations: MUTATIONS, seed: SEED });
    expect(report.acceptedByOursOnly, described(report.acceptedByOursOnly)).toEqual([]);
    // The run reached every family and both reading levels, and openssl judged what we accepted.
    for (const family of ['bytes', 'structure', 'resigned']) {
      expect(report.byFamily[family]?.mutations).toBeGreaterThan(MUTATIONS / 10);
    }
    expect(report.ourAnswers.CMS_UNREADABLE).toBeGreaterThan(MUTATIONS / 10);
    expect(report.ourAnswers.CMS_SIGNATURE_INVALID).toBeGreaterThan(MUTATIONS / 20);
    const accepted = report.ourAnswers.accepted ?? 0;
    const judged = Object.values(report.byFamily).reduce((sum, c) => sum + c.opensslJudged, 0);
    expect(judged).toBe(accepted);
  });
});
