import { z } from 'zod';
import { intVar, loadConfig } from '@passerelle/server-kit';

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
    maxMessages: raw.INBOX_MAX_MESSAGES,
    logLevel: raw.LOG_LEVEL,
  });
}
