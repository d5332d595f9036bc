import { describe, expect, it } from 'vitest';
import { noticeOf, tokenFromHash } from './route-state';

describe('tokenFromHash', () => {
  it('reads the one-time token from #jeton=…', () => {
    expect(tokenFromHash('#jeton=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('')).toBe('');
    expect(tokenFromHash('#autre=1')).toBe('');
  });
});

describe('noticeOf', () => {
  it('reads the notice of a location state, and nothing else', () => {
    expect(noticeOf({ notice: 'Dossier Acme créé.' })).toBe('Dossier Acme créé.');
    expect(noticeOf({ notice: 42 })).toBeUndefined();
    expect(noticeOf({})).toBeUndefined();
    expect(noticeOf(null)).toBeUndefined();
    expect(noticeOf('Dossier Acme créé.')).toBeUndefined();
  });
});
