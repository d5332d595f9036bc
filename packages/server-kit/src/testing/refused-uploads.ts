import { expect, it } from 'vitest';
import { refuseUploadThenContinue, refuseUploadThenGetWithAgent, type RawUpload } from './raw-http';

/** One refused upload: its title, the expected status and error code, and how to build it. */
export type RefusedUploadCase = [
  title: string,
  status: number,
  code: string,
  build: () => RawUpload,
];

/**
 * The two tests every early upload refusal gets over a real socket: the refusal is answered with
 * its code and `Connection: close`, and the socket ends cleanly; a keep-alive agent's next request
 * (`nextPath`, a GET answered 200) is answered. `url` is read when the tests run (after listen).
 */
export function itRefusesUploadsCleanly(
  cases: RefusedUploadCase[],
  url: () => string,
  nextPath: string,
): void {
  it.each(cases)('%s: refusal, Connection: close, clean end', async (_, status, code, build) => {
    const outcome = await refuseUploadThenContinue(url(), build(), nextPath);
    expect(outcome.refusal.status, outcome.refusal.body).toBe(status);
    expect(JSON.parse(outcome.refusal.body).code).toBe(code);
    expect(outcome.refusal.headers.connection).toBe('close');
    expect(outcome.next).toBe('closed');
  });

  it.each(cases)(
    '%s: a keep-alive agent’s next request is answered',
    async (_, status, __, build) => {
      const { refusal, next } = await refuseUploadThenGetWithAgent(url(), build(), nextPath);
      expect(refusal.status).toBe(status);
      expect(next.status).toBe(200);
    },
  );
}
