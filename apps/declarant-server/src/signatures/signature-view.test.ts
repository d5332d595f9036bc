import { describe, expect, it } from 'vitest';
import { signatureStatus, toSignatureViews } from './signature-view';
import type { SignatureRow } from './signatures.repository';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

function row(overrides: Partial<SignatureRow>): SignatureRow {
  return {
    id: 'a',
    user_id: 'u1',
    serial: '0a',
    key_type: 'ECDSA-P256',
    holder_first_name: 'Bruno',
    holder_last_name: 'Martin',
    holder_email: 'bruno@cabinet.fr',
    certificate_pem: '',
    chain_pem: '',
    wrapped_key: '',
    not_before: at(-10),
    not_after: at(300),
    issued_at: at(-10),
    revoked_at: null,
    revocation_reason: null,
    failed_attempts: 0,
    locked_until: null,
    password_changed_at: null,
    ...overrides,
  };
}

describe('signature status', () => {
  it('is Valide, then Expire bientôt from 30 days before, then Expirée', () => {
    expect(signatureStatus(row({ not_after: at(31) }), NOW)).toBe('valid');
    expect(signatureStatus(row({ not_after: at(30) }), NOW)).toBe('expiring');
    expect(signatureStatus(row({ not_after: at(0.01) }), NOW)).toBe('expiring');
    expect(signatureStatus(row({ not_after: at(0) }), NOW)).toBe('expired');
  });

  it('puts Révoquée before Expirée, Expirée before Bloquée, Bloquée before the rest', () => {
    expect(signatureStatus(row({ revoked_at: at(-1), not_after: at(-1) }), NOW)).toBe('revoked');
    expect(signatureStatus(row({ not_after: at(-1), locked_until: at(1) }), NOW)).toBe('expired');
    expect(signatureStatus(row({ not_after: at(5), locked_until: at(0.01) }), NOW)).toBe('locked');
    expect(signatureStatus(row({ locked_until: at(-0.01) }), NOW)).toBe('valid');
  });

  it('makes the newest usable signature of each holder the default', () => {
    const views = toSignatureViews(
      [
        row({ id: 'old', issued_at: at(-300) }),
        row({ id: 'revoked', issued_at: at(-1), revoked_at: at(-0.5) }),
        row({ id: 'new', issued_at: at(-2) }),
        row({ id: 'other', user_id: 'u2', issued_at: at(-400), not_after: at(-1) }),
      ],
      NOW,
    );
    expect(views.map((v) => [v.id, v.isDefault])).toEqual([
      ['revoked', false],
      ['new', true],
      ['old', false],
      ['other', false],
    ]);
    expect(views.find((v) => v.id === 'new')!.lockedUntil).toBeNull();
  });
});
