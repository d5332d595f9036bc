import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from './format';

describe('formatDate', () => {
  it('writes dd/mm/yyyy in Paris time', () => {
    expect(formatDate('2026-03-05T10:00:00.000Z')).toBe('05/03/2026');
    // 23:30 UTC on 31 December is already 1 January in Paris (winter, UTC+1).
    expect(formatDate('2025-12-31T23:30:00.000Z')).toBe('01/01/2026');
  });

  it('leaves a value that is not a date unchanged', () => {
    expect(formatDate('bientôt')).toBe('bientôt');
  });
});

describe('formatTime', () => {
  it('writes HH:MM (24-hour) in Paris time, summer and winter', () => {
    expect(formatTime('2025-07-01T12:05:00.000Z')).toBe('14:05');
    expect(formatTime('2025-01-15T23:45:00.000Z')).toBe('00:45');
  });
});
