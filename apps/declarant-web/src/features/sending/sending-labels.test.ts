import { describe, expect, it } from 'vitest';
import type { DeclarantSignature, SendingProgress } from '@passerelle/contracts';
import {
  canSignWith,
  defaultSigningSignatureId,
  progressText,
  progressValue,
  selectionText,
  sendDialogTitle,
  sendingDoneText,
  shortSerial,
  signatureChoiceText,
} from './sending-labels';

const progress = (overrides: Partial<SendingProgress>): SendingProgress => ({
  id: 's',
  createdAt: '2026-03-05T10:00:00.000Z',
  total: 40,
  queued: 0,
  transmitted: 0,
  finished: 0,
  accepted: 0,
  rejected: 0,
  failed: 0,
  done: false,
  ...overrides,
});

const signature = (
  id: string,
  status: DeclarantSignature['status'],
  isDefault = false,
): Pick<DeclarantSignature, 'id' | 'status' | 'isDefault'> => ({ id, status, isDefault });

describe('the dialog and selection texts', () => {
  it('counts declarations in French, singular and plural', () => {
    expect(sendDialogTitle(1)).toBe('Envoyer 1 déclaration');
    expect(sendDialogTitle(3)).toBe('Envoyer 3 déclarations');
    expect(selectionText(0)).toBe('Aucune déclaration sélectionnée');
    expect(selectionText(1)).toBe('1 déclaration sélectionnée');
    expect(selectionText(12)).toBe('12 déclarations sélectionnées');
  });
});

describe('the signature proposed for sending', () => {
  it('signs only with a valid or soon-expiring signature', () => {
    expect(canSignWith({ status: 'valid' })).toBe(true);
    expect(canSignWith({ status: 'expiring' })).toBe(true);
    expect(canSignWith({ status: 'locked' })).toBe(false);
    expect(canSignWith({ status: 'expired' })).toBe(false);
    expect(canSignWith({ status: 'revoked' })).toBe(false);
  });

  it('preselects the server’s default, else the first usable, else none', () => {
    expect(
      defaultSigningSignatureId([signature('a', 'valid'), signature('b', 'valid', true)]),
    ).toBe('b');
    // A locked default cannot sign now: the next usable one is proposed.
    expect(
      defaultSigningSignatureId([signature('a', 'locked', true), signature('b', 'expiring')]),
    ).toBe('b');
    expect(defaultSigningSignatureId([signature('a', 'revoked'), signature('b', 'expired')])).toBe(
      '',
    );
    expect(defaultSigningSignatureId([])).toBe('');
  });

  it('shortens a serial to its ends, and leaves a short one alone', () => {
    expect(shortSerial('5a0db425c518ae76c99eda64f295f90e')).toBe('5a0db425…f90e');
    expect(shortSerial('3f2a')).toBe('3f2a');
  });

  it('names each choice with its serial and status (lock end, expiry in Paris time)', () => {
    const base = { serial: '3f2a', lockedUntil: null, notAfter: '2027-03-11T23:30:00.000Z' };
    expect(signatureChoiceText({ ...base, status: 'valid' })).toBe(
      'n° 3f2a — Valide, expire le 12/03/2027',
    );
    expect(
      signatureChoiceText({ ...base, status: 'locked', lockedUntil: '2026-07-01T12:30:00.000Z' }),
    ).toBe('n° 3f2a — Bloquée jusqu’à 14:30');
    expect(signatureChoiceText({ ...base, status: 'revoked' })).toBe('n° 3f2a — Révoquée');
  });
});

describe('the progress bar', () => {
  it('says how many are transmitted, accepted and rejected', () => {
    expect(progressText(progress({ transmitted: 12, accepted: 3, rejected: 1 }))).toBe(
      '12 / 40 transmises — 3 acceptées — 1 rejetée',
    );
    expect(progressText(progress({ total: 1 }))).toBe('0 / 1 transmise — 0 acceptée — 0 rejetée');
    expect(progressText(progress({ transmitted: 38, failed: 2 }))).toBe(
      '38 / 40 transmises — 0 acceptée — 0 rejetée — 2 en échec',
    );
  });

  it('counts what the batch is done with for now, and reaches the end only when done', () => {
    expect(progressValue(progress({}))).toBe(0);
    expect(progressValue(progress({ transmitted: 12 }))).toBe(12);
    // Failed deliveries never get a receipt but are over for now.
    expect(progressValue(progress({ transmitted: 30, failed: 4, finished: 10 }))).toBe(34);
    // Refused at the partner: final without being "transmitted".
    expect(progressValue(progress({ transmitted: 5, finished: 9 }))).toBe(9);
    expect(progressValue(progress({ transmitted: 40, finished: 39 }))).toBe(40);
    expect(progressValue(progress({ transmitted: 40, finished: 40, done: true }))).toBe(40);
    expect(progressValue(progress({ total: 2, transmitted: 1, failed: 1, done: true }))).toBe(2);
  });

  it('sums up a finished batch, sending to the declarations when some went wrong', () => {
    expect(sendingDoneText(progress({ total: 3, accepted: 2, rejected: 1, done: true }))).toBe(
      'Envoi terminé : 2 acceptées, 1 rejetée. Ouvrez chaque déclaration concernée pour en voir la raison.',
    );
    expect(sendingDoneText(progress({ total: 2, accepted: 2, done: true }))).toBe(
      'Envoi terminé : 2 acceptées, 0 rejetée.',
    );
    expect(
      sendingDoneText(progress({ total: 5, accepted: 1, rejected: 0, failed: 2, done: true })),
    ).toBe(
      'Envoi terminé : 1 acceptée, 0 rejetée, 2 en échec, 2 sans résultat. Ouvrez chaque déclaration concernée pour en voir la raison.',
    );
  });
});
