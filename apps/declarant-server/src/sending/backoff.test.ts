import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

const policy = { backoffBaseMs: 2000, backoffMaxMs: 60_000 };

describe('retryDelayMs', () => {
  it('doubles at each attempt, between half and all of the nominal delay', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(1000);
    expect(retryDelayMs(1, policy, () => 1)).toBe(2000);
    expect(retryDelayMs(2, policy, () => 0)).toBe(2000);
    expect(retryDelayMs(3, policy, () => 1)).toBe(8000);
  });

  it('never exceeds the ceiling, even after many attempts', () => {
    expect(retryDelayMs(6, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(1000, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(1000, policy, () => 0)).toBe(30_000);
  });

  it('spreads retries: 1,000 draws of the same attempt are not all equal', () => {
    const delays = new Set(Array.from({ length: 1000 }, () => retryDelayMs(4, policy)));
    expect(delays.size).toBeGreaterThan(100);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(8000);
      expect(delay).toBeLessThanOrEqual(16_000);
    }
  });
});
