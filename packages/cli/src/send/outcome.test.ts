import { describe, expect, it } from 'vitest';
import { declarationStatuses, type DeclarationStatus } from '@passerelle/contracts';
import { ExitCode } from '../exit-codes';
import { sendExitCode } from './outcome';

describe('send exit code', () => {
  it('is 0 only when every declaration is accepted', () => {
    expect(sendExitCode(['accepted', 'accepted'], 'final')).toBe(ExitCode.ok);
    const others = declarationStatuses.filter((s) => s !== 'accepted');
    for (const status of others)
      expect([status, sendExitCode(['accepted', status], 'final')]).toEqual([
        status,
        ExitCode.failed,
      ]);
  });

  it('with --no-wait, is 0 when all are at least "Transmise" and none refused or failed', () => {
    const fine: DeclarationStatus[] = ['transmitted', 'deposited', 'accepted'];
    expect(sendExitCode(fine, 'transmitted')).toBe(ExitCode.ok);
    for (const status of [
      'partially_rejected',
      'rejected',
      'syntax_rejected',
      'partner_refused',
      'delivery_failed',
      'queued',
    ] as const)
      expect([status, sendExitCode([...fine, status], 'transmitted')]).toEqual([
        status,
        ExitCode.failed,
      ]);
  });
});
