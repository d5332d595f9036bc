import { describe, expect, it } from 'vitest';
import { addCalendarMonths, toWholeSeconds } from './validity';

describe('addCalendarMonths', () => {
  it.each([
    ['2026-03-15T10:19:30Z', 24, '2028-03-15T10:19:30Z'],
    ['2026-01-31T08:00:00Z', 1, '2026-02-28T08:00:00Z'],
    ['2028-01-31T08:00:00Z', 1, '2028-02-29T08:00:00Z'],
    ['2026-11-30T23:59:59Z', 3, '2027-02-28T23:59:59Z'],
    ['2026-12-01T00:00:00Z', 12, '2027-12-01T00:00:00Z'],
    ['2026-08-31T12:00:00Z', 36, '2029-08-31T12:00:00Z'],
  ])('%s + %i months = %s (UTC, day clamped to the month)', (from, months, expected) => {
    expect(addCalendarMonths(new Date(from), months).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });
});

describe('toWholeSeconds', () => {
  it('drops the milliseconds, which X.509 times cannot carry', () => {
    expect(toWholeSeconds(new Date('2026-03-15T10:20:30.999Z')).toISOString()).toBe(
      '2026-03-15T10:20:30.000Z',
    );
  });
});
