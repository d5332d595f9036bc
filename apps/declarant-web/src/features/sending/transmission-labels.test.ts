import { describe, expect, it } from 'vitest';
import {
  declarationStatusLabels,
  declarationStatuses,
  editableDeclarationStatuses,
  transmissionStatuses,
} from '@passerelle/contracts';
import type { DepositError, Transmission } from '@passerelle/contracts';
import { declarationStatusText, declarationStatusTone } from '../declarations/declaration-labels';
import {
  attemptsText,
  awaitsNews,
  errorRows,
  formName,
  isFinalTransmissionStatus,
  readOnlyNotice,
  shortHash,
  transmissionFiles,
  transmissionStatusText,
  transmissionTitle,
} from './transmission-labels';

const depositError = (overrides: Partial<DepositError>): DepositError => ({
  level: 'integrability',
  severity: 'rejet',
  code: 'R1',
  form: '2033A',
  cell: 'AA',
  occurrence: null,
  label: 'Immobilisations incorporelles',
  message: 'Montant obligatoire.',
  ...overrides,
});

describe('statuses', () => {
  it('labels and colours every declaration status, the new ones included', () => {
    for (const status of declarationStatuses) {
      expect(declarationStatusText(status)).toBe(declarationStatusLabels[status]);
      expect(declarationStatusText(status)).not.toBe(status);
      expect(['success', 'warning', 'danger', 'pending']).toContain(declarationStatusTone(status));
    }
    expect(declarationStatusTone('accepted')).toBe('success');
    expect(declarationStatusTone('rejected')).toBe('danger');
    expect(declarationStatusTone('delivery_failed')).toBe('danger');
    expect(declarationStatusTone('transmitted')).toBe('pending');
    expect(transmissionStatusText('deposited')).toBe('Déposée à la DGFiP');
  });

  it('keeps following until every transmission is final', () => {
    expect(isFinalTransmissionStatus('accepted')).toBe(true);
    expect(isFinalTransmissionStatus('delivery_failed')).toBe(true);
    expect(isFinalTransmissionStatus('deposited')).toBe(false);
    expect(awaitsNews([{ status: 'accepted' }, { status: 'queued' }])).toBe(true);
    expect(awaitsNews([{ status: 'accepted' }, { status: 'rejected' }])).toBe(false);
    expect(awaitsNews([])).toBe(false);
  });

  it('explains why a sent declaration is read-only, for every non-editable status', () => {
    for (const status of transmissionStatuses) {
      if (editableDeclarationStatuses.includes(status)) continue;
      expect(readOnlyNotice(status)).toMatch(/modifiable/);
    }
    expect(readOnlyNotice('accepted')).toContain('traitée par la DGFiP');
    expect(readOnlyNotice('delivery_failed')).toContain('relancez-le');
  });
});

describe('the receipt, the title and the attempts', () => {
  it('shortens an SHA-256 to its ends', () => {
    const hash = 'a'.repeat(8) + '0'.repeat(48) + 'b'.repeat(8);
    expect(shortHash(hash)).toBe('aaaaaaaa…bbbbbbbb');
    expect(shortHash('abc')).toBe('abc');
  });

  it('names an earlier transmission by its date in Paris time', () => {
    expect(transmissionTitle({ createdAt: '2025-07-01T12:05:09.000Z' })).toBe(
      'Envoi du 01/07/2025 14:05:09',
    );
  });

  it('tells the attempts, and when the next one is while queued', () => {
    expect(attemptsText({ status: 'queued', attempts: 0, nextAttemptAt: null })).toBeNull();
    expect(
      attemptsText({ status: 'queued', attempts: 2, nextAttemptAt: '2025-01-15T23:45:00.000Z' }),
    ).toBe('2 tentatives d’envoi ; prochaine tentative le 16/01/2025 00:45:00.');
    expect(attemptsText({ status: 'delivery_failed', attempts: 1, nextAttemptAt: null })).toBe(
      '1 tentative d’envoi.',
    );
  });
});

describe('errors and files', () => {
  it('puts rejections first and makes missing parts readable', () => {
    const rows = errorRows([
      depositError({ severity: 'alerte', message: 'a1' }),
      depositError({ message: 'r1' }),
      depositError({
        level: 'syntax',
        form: null,
        cell: null,
        label: null,
        code: '13',
        message: 'r2',
      }),
    ]);
    expect(rows.map((row) => [row.message, row.severity])).toEqual([
      ['r1', 'Rejet'],
      ['r2', 'Rejet'],
      ['a1', 'Alerte'],
    ]);
    expect(rows[1]).toMatchObject({ form: '—', cell: '—', label: '—', blocking: true });
    expect(rows[0]).toMatchObject({ form: '2033-A', cell: 'AA' });
    expect(formName('2065BIS')).toBe('2065-BIS');
    expect(formName('2065')).toBe('2065');
    expect(formName('F-IDENTIF')).toBe('Identification');
    expect(rows[2]?.blocking).toBe(false);
  });

  it('offers only the files that exist', () => {
    const none: Pick<Transmission, 'receipt' | 'hasContrl' | 'hasCr'> = {
      receipt: null,
      hasContrl: false,
      hasCr: false,
    };
    expect(transmissionFiles(none).map((file) => file.label)).toEqual(['Fichier signé (.p7m)']);
    const receipt = { depositId: 'd', receivedAt: '2026-03-05T10:00:00.000Z', bodySha256: 'x' };
    expect(
      transmissionFiles({ receipt, hasContrl: false, hasCr: true }).map((file) => file.kind),
    ).toEqual(['signed', 'receipt', 'cr']);
    expect(
      transmissionFiles({ receipt, hasContrl: true, hasCr: false }).map((file) => file.label),
    ).toEqual(['Fichier signé (.p7m)', 'Accusé de réception', 'CONTRL']);
  });
});
