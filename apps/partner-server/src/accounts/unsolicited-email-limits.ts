import { rateLimitedError, type Limit } from '@passerelle/server-kit';
import type { PartnerContext } from '../context';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "5 minutes", "1 heure", "3 heures": a wait in seconds as a French phrase, rounded up. */
export function frenchWait(seconds: number): string {
  if (seconds > 3600) {
    const hours = Math.ceil(seconds / 3600);
    return `${hours} heures`;
  }
  if (seconds === 3600) return '1 heure';
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}

/**
 * Reserves what a request made without signing in needs before it sends an email to `address`
 * (a registration, a reset link): one of the IP address's attempts for this action per hour,
 * then one of the address's emails per 24 hours (shared by every such action). Both are taken
 * atomically (`RateLimiter.reserve`) before any work, so N simultaneous requests on any instance
 * never get past the limits; an attempt refused for its address gives its IP attempt back.
 * The address counter counts requests whether or not the address has an account, so its 429
 * says nothing about accounts. Throws 429 `RATE_LIMITED` with `Retry-After`.
 */
export async function reserveUnsolicitedEmail(
  ctx: PartnerContext,
  input: { action: 'registration' | 'password-reset'; ip: string; address: string },
): Promise<void> {
  const limits = ctx.config.accounts;
  const perIp =
    input.action === 'registration' ? limits.registrationsPerIpPerHour : limits.resetsPerIpPerHour;
  const ipKey = `${input.action}:ip:${input.ip}`;
  const ipLimit: Limit = { max: perIp, windowMs: HOUR };
  const ipReservation = await ctx.rateLimiter.reserve(ipKey, ipLimit);
  if (!ipReservation) {
    const wait = Math.max(await ctx.rateLimiter.retryAfter(ipKey, ipLimit), 1);
    throw rateLimitedError(
      wait,
      `Trop de demandes depuis votre adresse réseau : réessayez dans ${frenchWait(wait)}.`,
    );
  }
  const addressKey = `account-emails:address:${input.address}`;
  const addressLimit: Limit = { max: limits.emailsPerAddressPerDay, windowMs: DAY };
  if (!(await ctx.rateLimiter.reserve(addressKey, addressLimit))) {
    await ctx.rateLimiter.release(ipKey, ipReservation);
    const wait = Math.max(await ctx.rateLimiter.retryAfter(addressKey, addressLimit), 1);
    throw rateLimitedError(
      wait,
      `Trop d’emails ont déjà été envoyés à cette adresse : réessayez dans ${frenchWait(wait)}.`,
    );
  }
}
