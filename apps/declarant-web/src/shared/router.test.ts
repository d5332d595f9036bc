import { describe, expect, it } from 'vitest';
import { matchPath, tokenFromHash } from './router';

describe('tokenFromHash', () => {
  it('reads the one-time token from #jeton=…', () => {
    expect(tokenFromHash('#jeton=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('')).toBe('');
    expect(tokenFromHash('#autre=1')).toBe('');
  });
});

describe('matchPath', () => {
  it('reads the parameters of a matching path (decoded, trailing slash ignored)', () => {
    expect(matchPath('/dossiers/:id', '/dossiers/0b9d-42')).toEqual({ id: '0b9d-42' });
    expect(matchPath('/dossiers/:id', '/dossiers/0b9d-42/')).toEqual({ id: '0b9d-42' });
    expect(matchPath('/dossiers/:id', '/dossiers/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/dossiers', '/dossiers')).toEqual({});
  });

  it('refuses other paths, empty or undecodable parameters', () => {
    expect(matchPath('/dossiers/:id', '/dossiers')).toBeNull();
    expect(matchPath('/dossiers/:id', '/dossiers/')).toBeNull();
    expect(matchPath('/dossiers/:id', '/dossiers/a/b')).toBeNull();
    expect(matchPath('/dossiers/:id', '/utilisateurs/a')).toBeNull();
    expect(matchPath('/dossiers/:id', '/dossiers/%E0%A4%A')).toBeNull();
  });
});
