import { describe, expect, it } from 'vitest';
import { signatureStatuses } from '@passerelle/contracts';
import type { DeclarantSignature, SignatureStatus } from '@passerelle/contracts';
import {
  chooseKeyType,
  hasSignatureActions,
  noValidSignatureMessage,
  signatureBannerMessages,
  signatureStatusLabels,
  signatureStatusText,
  validityLabel,
} from './signature-labels';

function signature(
  serial: string,
  status: SignatureStatus,
  notAfter = '2026-06-30T10:00:00.000Z',
): DeclarantSignature {
  return {
    id: `id-${serial}`,
    userId: 'u1',
    holder: { firstName: 'Bruno', lastName: 'Martin', email: 'bruno.martin@cabinet-exemple.fr' },
    serial,
    keyType: 'ECDSA-P256',
    issuedAt: '2025-06-30T10:00:00.000Z',
    notBefore: '2025-06-30T09:59:00.000Z',
    notAfter,
    status,
    revokedAt: status === 'revoked' ? '2025-07-01T10:00:00.000Z' : null,
    lockedUntil: status === 'locked' ? '2025-07-01T12:30:00.000Z' : null,
    isDefault: false,
  };
}

describe('signature status labels', () => {
  it('labels every status of the contracts in French', () => {
    expect(Object.keys(signatureStatusLabels).sort()).toEqual([...signatureStatuses].sort());
    expect(signatureStatusText(signature('a1', 'valid'))).toBe('Valide');
    expect(signatureStatusText(signature('a1', 'expiring'))).toBe('Expire bientôt');
    expect(signatureStatusText(signature('a1', 'expired'))).toBe('Expirée');
    expect(signatureStatusText(signature('a1', 'revoked'))).toBe('Révoquée');
  });

  it('says until when a locked signature stays locked (Paris time)', () => {
    expect(signatureStatusText(signature('a1', 'locked'))).toBe('Bloquée jusqu’à 14:30');
    expect(signatureStatusText({ status: 'locked', lockedUntil: null })).toBe('Bloquée');
  });

  it('offers actions only on signatures that are neither revoked nor expired', () => {
    expect(hasSignatureActions({ status: 'valid' })).toBe(true);
    expect(hasSignatureActions({ status: 'locked' })).toBe(true);
    expect(hasSignatureActions({ status: 'expiring' })).toBe(true);
    expect(hasSignatureActions({ status: 'revoked' })).toBe(false);
    expect(hasSignatureActions({ status: 'expired' })).toBe(false);
  });

  it('writes validity durations in months', () => {
    expect(validityLabel(12)).toBe('12 mois');
  });
});

describe('signatureBannerMessages', () => {
  it('says nothing without signatures, or when all is well', () => {
    expect(signatureBannerMessages([])).toEqual([]);
    expect(signatureBannerMessages([signature('a1', 'valid')])).toEqual([]);
  });

  it('warns about a signature that expires soon, with its date', () => {
    expect(
      signatureBannerMessages([signature('0a1b', 'expiring', '2026-01-15T09:00:00Z')]),
    ).toEqual([
      'Votre signature n° 0a1b expire le 15/01/2026. Ajoutez une nouvelle signature avant cette date.',
    ]);
  });

  it('does not warn once a newer signature expires later (the user has renewed)', () => {
    const renewed = [
      signature('new', 'valid', '2027-01-01T00:00:00Z'),
      signature('old', 'expiring', '2026-01-15T09:00:00Z'),
    ];
    expect(signatureBannerMessages(renewed)).toEqual([]);
  });

  it('says there is no valid signature left when all are expired or revoked', () => {
    const gone = [signature('a1', 'expired'), signature('a2', 'revoked')];
    expect(signatureBannerMessages(gone)).toEqual([noValidSignatureMessage]);
    expect(noValidSignatureMessage).toBe(
      'Vous n’avez plus de signature valide : ajoutez-en une pour envoyer des déclarations.',
    );
  });

  it('counts a locked signature as still usable', () => {
    expect(signatureBannerMessages([signature('a1', 'locked')])).toEqual([]);
  });
});

describe('chooseKeyType', () => {
  it('takes the partner’s default when the declarant can generate it', () => {
    const options = {
      validityMonths: [12],
      keyTypes: ['RSA-2048', 'ECDSA-P256'],
      defaultKeyType: 'RSA-2048',
    };
    expect(chooseKeyType(options)).toBe('RSA-2048');
  });

  it('else the first generated type the partner accepts, else none', () => {
    const options = {
      validityMonths: [12],
      keyTypes: ['Ed25519', 'ECDSA-P384'],
      defaultKeyType: 'Ed25519',
    };
    expect(chooseKeyType(options)).toBe('ECDSA-P384');
    expect(chooseKeyType({ ...options, keyTypes: ['Ed25519'] })).toBeUndefined();
  });
});
