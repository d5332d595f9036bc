import { describe, expect, it } from 'vitest';
import { tokenFromHash } from './router';

describe('tokenFromHash', () => {
  it('reads the one-time token from #jeton=…', () => {
    expect(tokenFromHash('#jeton=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('')).toBe('');
    expect(tokenFromHash('#autre=1')).toBe('');
  });
});
