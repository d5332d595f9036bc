/**
 * Delay before the next delivery attempt after `attempts` failed ones: exponential (base × 2^(n-1),
 * capped) with "equal jitter" — half fixed, half random — so a partner back from an outage is not
 * hit by every waiting transmission in the same second, yet no retry comes sooner than half the
 * nominal delay.
 */
export function retryDelayMs(
  attempts: number,
  policy: { backoffBaseMs: number; backoffMaxMs: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const nominal = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** exponent);
  return Math.round(nominal / 2 + random() * (nominal / 2));
}
