import { AppError, checkPasswordStrength } from '@passerelle/server-kit';

/**
 * Refuses a new account password that is easy to guess, judged with the French dictionary and
 * the person's own details; length and confirmation are checked by the shared schema before.
 */
export function assertStrongPassword(
  password: string,
  person: { email: string; firstName: string; lastName: string; firmName?: string },
): void {
  const context = [person.email, person.firstName, person.lastName, person.firmName ?? ''];
  const verdict = checkPasswordStrength(password, context);
  if (!verdict.ok) throw new AppError('WEAK_PASSWORD', verdict.message, { field: 'password' });
}
