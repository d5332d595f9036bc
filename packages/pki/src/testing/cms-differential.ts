// Test support: the differential test of verifyCms against `openssl cms -verify`. Seeded
// mutations of valid deposits are judged by verifyCms with the partner's options and by the
// openssl referee; the property is one-sided: nothing verifyCms accepts may be refused by
// openssl. Since it is one-sided, openssl is only asked about what verifyCms accepted, unless
// `judgeRefusals` asks it about everything (then the reverse count is reported, for information:
// where we are stricter). Shared by cms-verify-differential.test.ts and bench/cms-differential.ts.
import { verifyCms, type VerifyCmsOptions } from '../cms/verify';
import { PkiError } from '../pki-error';
import { mutateCms, type MutationFamily } from './cms-mutations';
import { loadDifferentialBases, type DifferentialBase } from './differential-bases';
import { createOpensslCmsVerifier, type OpensslCmsVerifier } from './openssl-cms-verify';
import { prng } from './prng';

/** id-kp-emailProtection: what the partner requires of a depositor's certificate. */
const EMAIL_PROTECTION_EKU = '1.3.6.1.5.5.7.3.4';

/** Valid deposits, the options the partner verifies them with, and the referee. */
export interface DifferentialWorld {
  bases: readonly DifferentialBase[];
  options: VerifyCmsOptions;
  referee: OpensslCmsVerifier;
  close(): void;
}

/** One message on which the two verifiers disagree. */
export interface DifferentialFinding {
  /** Replays with the same seed: the index-th mutation of the run. */
  index: number;
  base: string;
  family: MutationFamily;
  region: string;
  what: string;
  /** verifyCms's refusal code, or 'accepted'. */
  ours: string;
  openssl: string;
  bytes: Buffer;
}

/** Counts of one family (or one base). */
export interface DifferentialCounts {
  mutations: number;
  oursAccepted: number;
  opensslJudged: number;
  opensslAccepted: number;
}

/** What one run found. */
export interface DifferentialReport {
  mutations: number;
  seed: number;
  byFamily: Record<string, DifferentialCounts>;
  byBase: Record<string, DifferentialCounts>;
  /** verifyCms's answers: 'accepted' or the PkiError code, with counts. */
  ourAnswers: Record<string, number>;
  /** Accepted by verifyCms, refused by openssl: the property says none. */
  acceptedByOursOnly: DifferentialFinding[];
  /** Refused by verifyCms, accepted by openssl (only looked for with `judgeRefusals`). */
  acceptedByOpensslOnly: DifferentialFinding[];
}

/**
 * The fixed valid deposits (differential-bases.ts), verifyCms's options as the partner sets
 * them (its CA, EKU emailProtection), and an openssl referee trusting the same CA only.
 */
export function createDifferentialWorld(concurrency = 2): DifferentialWorld {
  const { caPem, bases } = loadDifferentialBases();
  const referee = createOpensslCmsVerifier(caPem, concurrency);
  return {
    bases,
    options: { trustedCaPem: [caPem], requiredExtendedKeyUsage: EMAIL_PROTECTION_EKU },
    referee,
    close: () => referee.remove(),
  };
}

function emptyCounts(): DifferentialCounts {
  return { mutations: 0, oursAccepted: 0, opensslJudged: 0, opensslAccepted: 0 };
}

/** verifyCms's answer: the content it returned, or its refusal code. */
async function ourAnswer(message: Buffer, options: VerifyCmsOptions) {
  try {
    const verified = await verifyCms(message, options);
    return { code: 'accepted', content: verified.content, signingTime: verified.signingTime };
  } catch (error) {
    if (error instanceof PkiError)
      return { code: error.code, content: undefined, signingTime: null };
    throw error;
  }
}

/**
 * Runs `mutations` seeded mutations (round-robin over the bases) through both verifiers.
 * Throws when a base itself is not accepted by both, or when verifyCms throws something other
 * than a PkiError, or accepts with another content than the base's.
 */
export async function runCmsDifferential(
  world: DifferentialWorld,
  {
    mutations,
    seed,
    judgeRefusals = false,
  }: { mutations: number; seed: number; judgeRefusals?: boolean },
): Promise<DifferentialReport> {
  // Each base must pass both; its signing time is when openssl judges refused mutations.
  const signingTimes = new Map<DifferentialBase, Date>();
  for (const base of world.bases) {
    const ours = await ourAnswer(base.message, world.options);
    const at = ours.signingTime;
    const openssl = at ? await world.referee.verify(base.message, at) : undefined;
    if (!at || ours.code !== 'accepted' || !openssl?.accepted) {
      throw new Error(`${base.name} is not valid to begin with: ${ours.code}, ${openssl?.output}`);
    }
    signingTimes.set(base, at);
  }
  const random = prng(seed);
  const report: DifferentialReport = {
    mutations,
    seed,
    byFamily: {},
    byBase: {},
    ourAnswers: {},
    acceptedByOursOnly: [],
    acceptedByOpensslOnly: [],
  };
  const judging: Promise<void>[] = [];
  for (let index = 0; index < mutations; index += 1) {
    const base = world.bases[index % world.bases.length] as DifferentialBase;
    const mutation = mutateCms(base, random);
    const where = `seed ${seed}, mutation ${index} of ${base.name}: ${mutation.family}, ${mutation.what}`;
    let ours: Awaited<ReturnType<typeof ourAnswer>>;
    try {
      ours = await ourAnswer(mutation.bytes, world.options);
    } catch (cause) {
      throw new Error(`${where}: verifyCms threw something other than a PkiError`, { cause });
    }
    if (ours.content && !ours.content.equals(base.content)) {
      throw new Error(`${where}: accepted with another content`);
    }
    const counts = [
      (report.byFamily[mutation.family] ??= emptyCounts()),
      (report.byBase[base.name] ??= emptyCounts()),
    ];
    report.ourAnswers[ours.code] = (report.ourAnswers[ours.code] ?? 0) + 1;
    const accepted = ours.code === 'accepted';
    for (const count of counts) {
      count.mutations += 1;
      if (accepted) count.oursAccepted += 1;
    }
    if (!accepted && !judgeRefusals) continue;
    const at = ours.signingTime ?? (signingTimes.get(base) as Date);
    judging.push(
      world.referee.verify(mutation.bytes, at).then((verdict) => {
        for (const count of counts) {
          count.opensslJudged += 1;
          if (verdict.accepted) count.opensslAccepted += 1;
        }
        if (accepted === verdict.accepted) return;
        const finding: DifferentialFinding = {
          index,
          base: base.name,
          family: mutation.family,
          region: mutation.region,
          what: mutation.what,
          ours: ours.code,
          openssl: verdict.accepted ? 'accepted' : verdict.output.trim(),
          bytes: mutation.bytes,
        };
        (accepted ? report.acceptedByOursOnly : report.acceptedByOpensslOnly).push(finding);
      }),
    );
  }
  await Promise.all(judging);
  report.acceptedByOursOnly.sort((a, b) => a.index - b.index);
  report.acceptedByOpensslOnly.sort((a, b) => a.index - b.index);
  return report;
}
