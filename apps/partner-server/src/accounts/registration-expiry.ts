import type { PartnerContext } from '../context';
import type { AccountRow } from './accounts.repository';

/**
 * Whether an account whose address was never confirmed is past `UNVERIFIED_ACCOUNT_HOURS`: it
 * no longer counts (its link is dead, sign-in says so, a registration purges it).
 */
export function isRegistrationExpired(ctx: PartnerContext, account: AccountRow): boolean {
  if (account.email_verified_at !== null) return false;
  const expiresAt = Date.parse(account.created_at) + ctx.config.accounts.unverifiedMs;
  return expiresAt <= ctx.now().getTime();
}
