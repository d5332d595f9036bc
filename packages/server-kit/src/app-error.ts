import { errorStatus, type ErrorBody, type ErrorCode } from '@passerelle/contracts';

/**
 * The one error type services throw for a refusal the client should see. Anything else that
 * escapes a route is logged with its cause and answered as a bare 500 `INTERNAL`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** Extra response headers, e.g. `Retry-After` for `RATE_LIMITED`. */
  readonly headers: Record<string, string>;
  /** The earlier deposit a `DEPOSIT_DUPLICATE` repeats, sent in the body for clients to link. */
  readonly depositId: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      field?: string;
      headers?: Record<string, string>;
      depositId?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.headers = options.headers ?? {};
    this.depositId = options.depositId;
  }

  /** HTTP status of this error's code. */
  get status(): number {
    return errorStatus[this.code];
  }

  /** The JSON body sent to the client. */
  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.depositId === undefined ? {} : { depositId: this.depositId }),
    };
  }
}
