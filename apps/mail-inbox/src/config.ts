import { z } from 'zod';
import { allowedHostsVar, intVar, loadConfig, urlVar } from '@passerelle/server-kit';

/**
 * Every environment variable the local inbox reads, with its default (documented in the
 * README). It reads HTTP_PORT, not PORT: under `npm start`, PORT is the declarant's.
 */
export const inboxConfigShape = {
  /** TCP port receiving SMTP; 0 picks a free one. */
  SMTP_PORT: intVar(1025, 0, 65535),
  /** TCP port of the web page and JSON API; 0 picks a free one. */
  HTTP_PORT: intVar(3100, 0, 65535),
  /** Interface of both servers; 127.0.0.1 keeps this open SMTP sink private to this machine. */
  HOST: z.string().default('127.0.0.1'),
  /** The page's address; its host (and loopback) is the only one answered. Default http://localhost:<HTTP_PORT>. */
  PUBLIC_URL: urlVar().optional(),
  /** Further host names the page answers to (comma-separated); any other Host gets 421. */
  ALLOWED_HOSTS: allowedHostsVar(),
  /** Messages kept in memory; past it, the oldest are dropped. */
  INBOX_MAX_MESSAGES: intVar(500, 1, 100_000),
  /** pino level: fatal, error, warn, info, debug, trace, silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

/** Validated, frozen configuration of the local inbox. */
export interface InboxConfig {
  smtpPort: number;
  httpPort: number;
  host: string;
  /** PUBLIC_URL as given; unset, the page is http://localhost:<its port>. */
  publicUrl: string | undefined;
  allowedHosts: string[];
  maxMessages: number;
  logLevel: string;
}

/** Reads and validates the environment once, at start; throws `ConfigError` listing every problem. */
export function readInboxConfig(env: NodeJS.ProcessEnv = process.env): InboxConfig {
  const raw = loadConfig(inboxConfigShape, env);
  return Object.freeze({
    smtpPort: raw.SMTP_PORT,
    httpPort: raw.HTTP_PORT,
    host: raw.HOST,
    publicUrl: raw.PUBLIC_URL,
    allowedHosts: raw.ALLOWED_HOSTS,
    maxMessages: raw.INBOX_MAX_MESSAGES,
    logLevel: raw.LOG_LEVEL,
  });
}
