import { describe, expect, it } from 'vitest';
import { CliError, ExitCode } from '../exit-codes';
import { chooseSignature, describeSignature } from './choose-signature';
import { buildSignature } from '../testing/api-answers';

const OLD = buildSignature({
  id: '22222222-2222-4222-8222-222222222222',
  serial: 'aa01',
  status: 'expired',
});
const DEFAULT = buildSignature({ isDefault: true });
const OTHER = buildSignature({ id: '33333333-3333-4333-8333-333333333333', serial: 'bb02cc' });

function refusal(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error('accepted');
}

describe('signature choice', () => {
  it('takes the user’s default signature unless one is named by id or serial (colons allowed)', () => {
    expect(chooseSignature([OLD, OTHER, DEFAULT], undefined)).toBe(DEFAULT);
    expect(chooseSignature([OLD, OTHER, DEFAULT], OTHER.id.toUpperCase())).toBe(OTHER);
    expect(chooseSignature([OLD, OTHER, DEFAULT], 'BB:02:CC')).toBe(OTHER);
  });

  it('refuses, before any password is asked, a named signature that is expired, revoked or locked (exit 3)', () => {
    const expired = refusal(() => chooseSignature([OLD, DEFAULT], 'aa01'));
    expect(expired.exitCode).toBe(ExitCode.refused);
    expect(expired.message).toBe('La signature n° aa01 a expiré le 12/03/2026.');
    const revoked = refusal(() =>
      chooseSignature([buildSignature({ status: 'revoked', serial: 'cc' })], 'cc'),
    );
    expect(revoked.message).toContain('est révoquée');
    const locked = refusal(() =>
      chooseSignature(
        [
          buildSignature({
            status: 'locked',
            serial: 'dd',
            lockedUntil: '2025-04-01T10:15:00.000Z',
          }),
        ],
        'dd',
      ),
    );
    expect(locked.exitCode).toBe(ExitCode.refused);
    expect(locked.message).toMatch(/^La signature n° dd est bloquée .* jusqu’au 01\/04\/2025/);
  });

  it('says when there is no usable signature (exit 3) or no such signature (exit 2)', () => {
    const none = refusal(() => chooseSignature([], undefined));
    expect(none.exitCode).toBe(ExitCode.refused);
    expect(none.message).toContain('aucune signature');
    expect(refusal(() => chooseSignature([OLD], undefined)).message).toContain(
      'Aucune de vos signatures n’est utilisable',
    );
    const unknown = refusal(() => chooseSignature([DEFAULT], 'ffff'));
    expect(unknown.exitCode).toBe(ExitCode.usage);
    expect(unknown.message).toContain(`${DEFAULT.id} (n° ${DEFAULT.serial})`);
  });

  it('describes a signature by holder, short serial and end of validity', () => {
    expect(describeSignature(DEFAULT)).toBe(
      'Bruno Martin, n° 3fa2…9c01, valable jusqu’au 12/03/2026',
    );
  });
});
