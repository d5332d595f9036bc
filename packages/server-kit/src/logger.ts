import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * Paths pino replaces with "[secret]" wherever they appear in a log line: credentials, cookies,
 * one-time tokens, and anything a later issue adds (codes, refresh tokens, keys).
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  '*.password',
  '*.passwordConfirmation',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.confidentialCode',
  '*.privateKey',
  'password',
  'token',
  'body',
  '*.body',
];

/** Pino options shared by every server: level, redaction, and a request line without query. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[secret]' },
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({
        method: req.method,
        // The query string may carry parameters we do not control: log the path only.
        url: req.url?.split('?')[0],
        ip: req.ip,
      }),
    },
  };
}

/** A logger for code that runs outside a request (start-up, workers, commands). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
