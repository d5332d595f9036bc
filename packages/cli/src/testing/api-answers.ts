import type { DeclarantSignature, DeclarationSummary, Transmission } from '@passerelle/contracts';

// Answers as the declarant API gives them, for the pure parts of the commands (choice of a
// signature, summary, export): each factory takes overrides.

export function buildSignature(overrides: Partial<DeclarantSignature> = {}): DeclarantSignature {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    userId: 'u1',
    holder: { firstName: 'Bruno', lastName: 'Martin', email: 'bruno@cabinet.fr' },
    serial: '3fa2b4c5d6e7f8091a2b3c4d5e6f9c01',
    keyType: 'ECDSA-P256',
    issuedAt: '2025-03-12T09:00:00.000Z',
    notBefore: '2025-03-12T08:59:00.000Z',
    notAfter: '2026-03-12T08:59:00.000Z',
    status: 'valid',
    revokedAt: null,
    lockedUntil: null,
    isDefault: false,
    ...overrides,
  };
}

export function buildDeclarationSummary(
  overrides: Partial<DeclarationSummary> = {},
): DeclarationSummary {
  return {
    id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    dossierId: 'd1',
    dossierName: 'Boulangerie Martin',
    siren: '732829320',
    exercise: { id: 'e1', start: '2024-01-01', end: '2024-12-31' },
    millesime: '25',
    status: 'ready',
    source: 'editor',
    errorCount: 0,
    warningCount: 0,
    version: 3,
    createdAt: '2025-04-01T08:00:00.000Z',
    updatedAt: '2025-04-01T08:00:00.000Z',
    ...overrides,
  };
}

export function buildTransmission(overrides: Partial<Transmission> = {}): Transmission {
  return {
    id: 'tttttttt-tttt-4ttt-8ttt-tttttttttttt',
    declarationId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    sendingId: 's1',
    status: 'rejected',
    createdAt: '2025-04-02T08:00:00.000Z',
    updatedAt: '2025-04-02T08:05:00.000Z',
    sender: { id: 'u1', name: 'Bruno Martin' },
    signatureSerial: '3fa2',
    testMode: true,
    bodySha256: 'ab'.repeat(32),
    attempts: 1,
    nextAttemptAt: null,
    lastError: null,
    receipt: null,
    history: [],
    errors: [],
    hasContrl: false,
    hasCr: true,
    ...overrides,
  };
}
