import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** Options of one test request: a JSON body (object or raw text), a cookie, extra headers. */
export interface InjectOptions {
  body?: unknown;
  cookie?: string;
  token?: string;
  headers?: Record<string, string>;
  /** The client's IP address as the server sees it (`request.ip`); 127.0.0.1 by default. */
  remoteAddress?: string;
}

/** A request function for tests: JSON bodies, optional cookie or bearer token, default headers. */
export type JsonInjector = (
  method: string,
  url: string,
  options?: InjectOptions,
) => Promise<LightMyRequestResponse>;

/** Builds a {@link JsonInjector} over `app.inject` (no socket, the real routes and hooks). */
export function jsonInjector(
  app: FastifyInstance,
  defaultHeaders: Record<string, string> = {},
): JsonInjector {
  return (method, url, options = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
      headers: {
        ...defaultHeaders,
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined
        ? {
            payload: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
          }
        : {}),
    });
}

/** A stream collecting every log line, for tests that grep logs for secrets. */
export function captureLogs(): { sink: Writable; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { sink, lines };
}

/** A clock tests can move forward. */
export class TestClock {
  private current: Date;
  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.current = new Date(start);
  }
  readonly now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}
