// Test support: the PkiError code a call fails with, so that tests assert codes, not messages.
import { PkiError, type PkiErrorCode } from '../pki-error';

function codeOfError(error: unknown): PkiErrorCode {
  if (!(error instanceof PkiError)) throw new Error(`expected a PkiError, got ${String(error)}`);
  return error.code;
}

/** The code `promise` rejects with; throws (failing the test) if it resolves or throws another. */
export async function codeOf(promise: Promise<unknown>): Promise<PkiErrorCode> {
  const outcome = await promise.then(
    () => ({ error: undefined }),
    (error: unknown) => ({ error }),
  );
  return codeOfError(outcome.error);
}

/** The code `run` throws; throws (failing the test) if it returns or throws another error. */
export function syncCodeOf(run: () => unknown): PkiErrorCode {
  try {
    run();
  } catch (error) {
    return codeOfError(error);
  }
  throw new Error('expected a PkiError, but nothing was thrown');
}
