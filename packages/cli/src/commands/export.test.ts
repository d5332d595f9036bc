import { describe, expect, it } from 'vitest';
import { buildTransmission } from '../testing/api-answers';
import { safeFileName, transmissionFiles } from './export';

describe('export file names', () => {
  it('keeps a plain server name and never lets one leave the output folder', () => {
    expect(safeFileName('INT0001-compte-rendu.edi')).toBe('INT0001-compte-rendu.edi');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\x.p7m')).toBe('x.p7m');
    expect(safeFileName('dépôt final.edi')).toBe('d_p_t_final.edi');
    expect(safeFileName('..')).toBeUndefined();
    expect(safeFileName('dir/')).toBeUndefined();
    expect(safeFileName(undefined)).toBeUndefined();
  });

  it('asks for the receipt, CONTRL and CR only when the transmission has them', () => {
    const queued = transmissionFiles(
      buildTransmission({ status: 'queued', receipt: null, hasCr: false, hasContrl: false }),
    );
    expect(queued.filter((f) => f.available).map((f) => f.route)).toEqual(['signed']);
    const answered = transmissionFiles(
      buildTransmission({
        receipt: { depositId: 'd', receivedAt: '2025-04-02T08:00:01.000Z', bodySha256: 'ab' },
        hasCr: true,
        hasContrl: true,
      }),
    );
    expect(answered.filter((f) => f.available).map((f) => f.route)).toEqual([
      'signed',
      'receipt',
      'contrl',
      'cr',
    ]);
  });
});
