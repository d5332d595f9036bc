import { z } from 'zod';
import {
  findForbiddenCharacter,
  MAX_PORTAL_INVITATIONS_PER_HOUR,
  MAX_PORTAL_USERS_PER_ACCOUNT,
  PORTAL_INVITATION_HOURS,
} from '@passerelle/contracts';
import {
  intVar,
  numberListVar,
  readAppServerConfig,
  type AppServerSettings,
} from '@passerelle/server-kit';

/**
 * Every environment variable the partner server reads besides the common ones of server-kit's
 * `appServerConfigShape`, with its default; any may be given as `NAME_FILE` instead.
 * Documented in the README.
 */
export const partnerVariables = {
  /**
   * Name shown on the portal, in emails and in the CA certificate. At most 36 characters: the
   * CA's commonName "<name> — Autorité de certification" must fit X.520's 64.
   */
  PARTNER_NAME: z
    .string()
    .min(1)
    .max(36, 'au plus 36 caractères (le nom de l’autorité de certification en ajoute 28, sur 64)')
    .refine(
      (value) => findForbiddenCharacter(value) === undefined,
      'caractère de contrôle interdit',
    )
    .default('Partenaire EDI de référence'),
  /** Minutes an API access token lives. */
  ACCESS_TOKEN_MINUTES: intVar(10, 1, 60),
  /** Days a refresh token (and its session) lives without being used. */
  REFRESH_TOKEN_DAYS: intVar(30, 1, 365),
  /**
   * Days an API session (the declarant's connection to the client space) lasts after sign-in,
   * however often it is refreshed; then the portal credentials must be given again.
   */
  API_SESSION_ABSOLUTE_DAYS: intVar(90, 1, 3650),
  /** Minutes without a request after which a portal session ends. */
  PORTAL_SESSION_IDLE_MINUTES: intVar(30, 1, 24 * 60),
  /** Hours after sign-in after which a portal session ends, whatever the activity. */
  PORTAL_SESSION_ABSOLUTE_HOURS: intVar(12, 1, 24 * 30),
  /** Wrong confidential codes per account and window before 429. */
  CODE_MAX_FAILURES: intVar(5, 1, 100),
  CODE_WINDOW_MINUTES: intVar(15, 1, 24 * 60),
  /** Minutes after a re-issued confidential code before another can be asked for. */
  CODE_REISSUE_COOLDOWN_MINUTES: intVar(15, 1, 24 * 60),
  /** Hours an account waits for its address to be confirmed; then it expires (and is purged). */
  UNVERIFIED_ACCOUNT_HOURS: intVar(24, 1, 7 * 24),
  /** Account creations accepted from one IP address per hour. */
  REGISTRATIONS_PER_IP_PER_HOUR: intVar(5, 1, 10_000),
  /**
   * Emails one address can be sent per 24 hours on a request anyone can make without signing in
   * (confirmation link, "you already have an account" notice, password reset link), together.
   */
  ACCOUNT_EMAILS_PER_ADDRESS_PER_DAY: intVar(3, 1, 1000),
  /** Password reset requests accepted from one IP address per hour. */
  PASSWORD_RESETS_PER_IP_PER_HOUR: intVar(5, 1, 10_000),
  /** Minutes a password reset link stays valid. */
  PASSWORD_RESET_LINK_MINUTES: intVar(60, 5, 24 * 60),
  /** Personal portal users one client account may hold (invited, active or revoked). */
  PORTAL_USERS_PER_ACCOUNT: intVar(MAX_PORTAL_USERS_PER_ACCOUNT, 1, 10_000),
  /** Invitations of personal users one client account may send per hour. */
  PORTAL_INVITATIONS_PER_HOUR: intVar(MAX_PORTAL_INVITATIONS_PER_HOUR, 1, 10_000),
  /** Hours an invitation link of a personal user stays usable. */
  PORTAL_INVITATION_HOURS: intVar(PORTAL_INVITATION_HOURS, 1, 30 * 24),
  /** Validity choices offered to the declarant, in months, comma-separated. */
  SIGNATURE_VALIDITY_MONTHS: numberListVar('12,24,36', 'mois'),
  /** `test`: the partner takes only interchanges marked test (UNB 0035 = 1); `production`: only real ones. */
  EDI_ENVIRONMENT: z.enum(['test', 'production']).default('production'),
  /** The partner's 7-digit EDI number (UNB recipient); the declarant's PARTNER_EDI_NUMBER. */
  EDI_NUMBER: z
    .string()
    .regex(/^\d{7}$/, 'numéro de partenaire EDI : 7 chiffres')
    .default('9990001'),
  /** Milliseconds between a deposit's reception and the simulated DGFiP's answer. */
  DGFIP_DELAY_MS: intVar(3000, 0, 24 * 3_600_000),
  /** Milliseconds between two rounds of the simulated DGFiP worker; 0 turns it off. */
  DGFIP_POLL_MS: intVar(1000, 0, 3_600_000),
  /**
   * Days a deposit's signing time may lie before its reception. The signing time is the
   * signer's claim: this bounds how far a holder of an expired certificate can backdate.
   */
  DEPOSIT_MAX_SIGNATURE_AGE_DAYS: intVar(30, 1, 3650),
  /**
   * SIRENs the simulated DGFiP's company register does not know (comma-separated, may be
   * empty): their declarations are rejected. The default, 999 999 998, lets the demo show a
   * rejection with a SIREN whose check digit is right.
   */
  DGFIP_UNKNOWN_SIRENS: z
    .string()
    .regex(/^(\d{9}(,\d{9})*)?$/, 'liste de SIREN (9 chiffres) séparés par des virgules')
    .default('999999998'),
};

/** Validated, frozen configuration of the partner server. */
export interface PartnerConfig extends AppServerSettings {
  partnerName: string;
  accessTokenMs: number;
  refreshTokenMs: number;
  /** Absolute lifetime of an API session family (its refresh tokens never outlive it). */
  apiSessionAbsoluteMs: number;
  /** A portal session ends after `idleMs` without a request, or `absoluteMs` after sign-in. */
  portalSession: { idleMs: number; absoluteMs: number };
  code: { maxFailures: number; windowMs: number; reissueCooldownMs: number };
  /** Registration, confirmation and password reset: lifetimes and the limits of strangers. */
  accounts: {
    unverifiedMs: number;
    registrationsPerIpPerHour: number;
    emailsPerAddressPerDay: number;
    resetsPerIpPerHour: number;
    resetLinkMs: number;
  };
  /** Personal portal users: how many per account, invitations per hour, link lifetime. */
  portalUsers: { maxPerAccount: number; invitationsPerHour: number; invitationMs: number };
  validityMonths: number[];
  /** Deposits: the environment, the EDI number, the simulated DGFiP's delay and poll interval. */
  edi: {
    environment: 'test' | 'production';
    number: string;
    dgfipDelayMs: number;
    dgfipPollMs: number;
    maxSignatureAgeMs: number;
    unknownSirens: ReadonlySet<string>;
  };
}

/** The server's own defaults of the common variables, and its master key file in DATA_DIR. */
const SERVER = {
  port: 3200,
  mailFrom: 'Partenaire EDI de référence <no-reply@partenaire-edi.localhost>',
  masterKeyFile: 'partner-master.key',
};

/** Reads and validates the environment once; throws `ConfigError` listing every problem. */
export function readPartnerConfig(env: NodeJS.ProcessEnv = process.env): PartnerConfig {
  const minute = 60_000;
  return readAppServerConfig(
    SERVER,
    partnerVariables,
    (raw) => ({
      partnerName: raw.PARTNER_NAME,
      accessTokenMs: raw.ACCESS_TOKEN_MINUTES * minute,
      refreshTokenMs: raw.REFRESH_TOKEN_DAYS * 24 * 60 * minute,
      apiSessionAbsoluteMs: raw.API_SESSION_ABSOLUTE_DAYS * 24 * 60 * minute,
      portalSession: Object.freeze({
        idleMs: raw.PORTAL_SESSION_IDLE_MINUTES * minute,
        absoluteMs: raw.PORTAL_SESSION_ABSOLUTE_HOURS * 60 * minute,
      }),
      code: Object.freeze({
        maxFailures: raw.CODE_MAX_FAILURES,
        windowMs: raw.CODE_WINDOW_MINUTES * minute,
        reissueCooldownMs: raw.CODE_REISSUE_COOLDOWN_MINUTES * minute,
      }),
      accounts: Object.freeze({
        unverifiedMs: raw.UNVERIFIED_ACCOUNT_HOURS * 60 * minute,
        registrationsPerIpPerHour: raw.REGISTRATIONS_PER_IP_PER_HOUR,
        emailsPerAddressPerDay: raw.ACCOUNT_EMAILS_PER_ADDRESS_PER_DAY,
        resetsPerIpPerHour: raw.PASSWORD_RESETS_PER_IP_PER_HOUR,
        resetLinkMs: raw.PASSWORD_RESET_LINK_MINUTES * minute,
      }),
      portalUsers: Object.freeze({
        maxPerAccount: raw.PORTAL_USERS_PER_ACCOUNT,
        invitationsPerHour: raw.PORTAL_INVITATIONS_PER_HOUR,
        invitationMs: raw.PORTAL_INVITATION_HOURS * 60 * minute,
      }),
      validityMonths: [...raw.SIGNATURE_VALIDITY_MONTHS].sort((a, b) => a - b),
      edi: Object.freeze({
        environment: raw.EDI_ENVIRONMENT,
        number: raw.EDI_NUMBER,
        dgfipDelayMs: raw.DGFIP_DELAY_MS,
        dgfipPollMs: raw.DGFIP_POLL_MS,
        maxSignatureAgeMs: raw.DEPOSIT_MAX_SIGNATURE_AGE_DAYS * 24 * 60 * minute,
        unknownSirens: new Set(raw.DGFIP_UNKNOWN_SIRENS.split(',').filter(Boolean)),
      }),
    }),
    env,
  );
}
