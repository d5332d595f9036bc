import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  intVar,
  loadConfig,
  serverConfigShape,
  serverSettingsFrom,
  type ServerSettings,
  signInConfigShape,
  signInLimitsFrom,
  type SignInLimits,
  urlVar,
} from '@passerelle/server-kit';

/**
 * Every environment variable the declarant server reads, with its default. Any of them may be
 * given as `NAME_FILE` (path to a file holding the value) instead. Documented in the README.
 */
export const declarantConfigShape = {
  ...serverConfigShape(3000),
  /** Minutes without a request after which a session ends. */
  SESSION_IDLE_MINUTES: intVar(30, 1, 24 * 60),
  /** Hours after sign-in after which a session ends whatever the activity. */
  SESSION_ABSOLUTE_HOURS: intVar(12, 1, 24 * 30),
  ...signInConfigShape,
  /** Hours an invitation link stays valid. */
  INVITE_LINK_HOURS: intVar(72, 1, 24 * 30),
  /** Hours a password-reset link stays valid. */
  RESET_LINK_HOURS: intVar(24, 1, 24 * 7),
  /** Base URL of the EDI partner (its API v1 and its portal). */
  PARTNER_URL: urlVar().default('http://localhost:3200'),
  /** Milliseconds before a call to the partner is abandoned (the UI stays usable). */
  PARTNER_TIMEOUT_MS: intVar(5000, 100, 60_000),
  /** Master keyring `id=base64;…` (last = current); unset: `<DATA_DIR>/declarant-master.key` (0600). */
  MASTER_KEY: z.string().optional(),
  /** Folder of the built web UI; empty to serve the API only. */
  WEB_DIST_DIR: z.string().optional(),
};

/** Validated, frozen configuration of the declarant server. */
export interface DeclarantConfig extends ServerSettings {
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  signIn: SignInLimits;
  inviteLinkMs: number;
  resetLinkMs: number;
  webDistDir: string | undefined;
  partnerUrl: string;
  partnerTimeoutMs: number;
  masterKey: string | undefined;
  masterKeyFile: string;
  secureCookies: boolean;
}

/** Reads and validates the environment once, at start; throws `ConfigError` listing every problem. */
export function readDeclarantConfig(env: NodeJS.ProcessEnv = process.env): DeclarantConfig {
  const raw = loadConfig(declarantConfigShape, env);
  const minute = 60_000;
  const settings = serverSettingsFrom(raw);
  return Object.freeze({
    ...settings,
    sessionIdleMs: raw.SESSION_IDLE_MINUTES * minute,
    sessionAbsoluteMs: raw.SESSION_ABSOLUTE_HOURS * 60 * minute,
    signIn: signInLimitsFrom(raw),
    inviteLinkMs: raw.INVITE_LINK_HOURS * 60 * minute,
    resetLinkMs: raw.RESET_LINK_HOURS * 60 * minute,
    webDistDir: raw.WEB_DIST_DIR === undefined ? undefined : resolve(raw.WEB_DIST_DIR),
    partnerUrl: raw.PARTNER_URL,
    partnerTimeoutMs: raw.PARTNER_TIMEOUT_MS,
    masterKey: raw.MASTER_KEY,
    masterKeyFile: join(settings.dataDir, 'declarant-master.key'),
  });
}
