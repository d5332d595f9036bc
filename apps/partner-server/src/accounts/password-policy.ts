import { AppError, checkPasswordStrength } from '@passerelle/server-kit';

/**
 * Refuses a client-account password that is easy to guess, judged with the French dictionary
 * and the account's own details (address, administrator, firm); length and confirmation are
 * checked by the shared schema before.
 */
export function assertStrongAccountPassword(
  password: string,
  account: { email: string; firstName: string; lastName: string; firmName: string },
): void {
  const context = [account.email, account.firstName, account.lastName, account.firmName];
  const verdict = checkPasswordStrength(password, context);
  if (!verdict.ok) throw new AppError('WEAK_PASSWORD', verdict.message, { field: 'password' });
}
