import {
  endpointUrl,
  errorStatus,
  isErrorCode,
  isFileContent,
  PAGE_SIZE_MAX,
  partnerApi,
  type CallArgs,
  type Deposit,
  type DepositAccepted,
  type DepositList,
  type DepositPolicy,
  type Endpoint,
  type EndpointResponse,
  type IssuedSignature,
  type IssueSignatureRequest,
  type RevokeSignatureRequest,
  type SessionTokens,
  type Signature,
  type SignaturePolicy,
} from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';

const api = partnerApi;

/**
 * The declarant's only door to an EDI partner (design §1). The reference partner is reached
 * through {@link HttpPartnerApi}; a real partner's API would be a second implementation.
 */
export interface PartnerApi {
  /** The portal's public address (for "Accéder à l'espace client"). */
  readonly portalUrl: string;
  createSession(email: string, password: string): Promise<SessionTokens>;
  refreshSession(refreshToken: string): Promise<SessionTokens>;
  revokeSession(accessToken: string): Promise<void>;
  /** Whether an access token still works (false once the session is revoked or expired). */
  checkAccess(accessToken: string): Promise<boolean>;
  /** What "Durée de validité" offers, and the key types the CA certifies. */
  getSignaturePolicy(accessToken: string): Promise<SignaturePolicy>;
  /** Asks the CA for a certificate: the CSR, the emailed confidential code, the validity. */
  issueSignature(accessToken: string, request: IssueSignatureRequest): Promise<IssuedSignature>;
  revokeSignature(
    accessToken: string,
    serial: string,
    request: RevokeSignatureRequest,
  ): Promise<Signature>;
  /** The account's newest certificates (one page of PAGE_SIZE_MAX). */
  listRecentSignatures(accessToken: string): Promise<Signature[]>;
  /** What the partner accepts: its environment (test/production), size limit, EDI number. */
  getDepositPolicy(accessToken: string): Promise<DepositPolicy>;
  /**
   * Deposits one signed interchange under `transmissionId` (the `Idempotency-Key`): the same id
   * and bytes always get the same receipt, so a retry after any failure is safe.
   */
  deposit(accessToken: string, transmissionId: string, body: Uint8Array): Promise<DepositAccepted>;
  /**
   * One page of the account's deposits changed since `updatedSince` (all when null), oldest
   * change first; `cursor` is the previous page's `nextCursor`.
   */
  listDeposits(
    accessToken: string,
    query: { updatedSince: string | null; limit: number; cursor?: string | undefined },
  ): Promise<DepositList>;
  getDeposit(accessToken: string, depositId: string): Promise<Deposit>;
}

/** The partner could not be reached, or did not answer in time. */
export class PartnerUnavailableError extends AppError {
  constructor(cause: unknown) {
    super(
      'PARTNER_UNAVAILABLE',
      'Le partenaire EDI ne répond pas. Réessayez dans quelques instants.',
      { cause },
    );
  }
}

/** API v1 of a partner over HTTP, every call bounded by `timeoutMs`. */
export class HttpPartnerApi implements PartnerApi {
  readonly portalUrl: string;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    this.portalUrl = `${baseUrl}/portail`;
  }

  createSession(email: string, password: string) {
    return this.call(api.sessions.open, undefined, { body: { email, password } });
  }

  refreshSession(refreshToken: string) {
    return this.call(api.sessions.refresh, undefined, { body: { refreshToken } });
  }

  async revokeSession(accessToken: string) {
    await this.call(api.sessions.close, accessToken, {});
  }

  async checkAccess(accessToken: string) {
    try {
      await this.call(api.accounts.current, accessToken, {});
      return true;
    } catch (error) {
      if (error instanceof AppError && errorStatus[error.code] === 401) return false;
      throw error;
    }
  }

  getSignaturePolicy(accessToken: string) {
    return this.call(api.signatures.policy, accessToken, {});
  }

  issueSignature(accessToken: string, request: IssueSignatureRequest) {
    return this.call(api.signatures.issue, accessToken, { body: request });
  }

  async revokeSignature(accessToken: string, serial: string, request: RevokeSignatureRequest) {
    const params = { serial };
    return (await this.call(api.signatures.revoke, accessToken, { params, body: request }))
      .signature;
  }

  async listRecentSignatures(accessToken: string) {
    const query = { limit: PAGE_SIZE_MAX };
    return (await this.call(api.signatures.list, accessToken, { query })).items;
  }

  getDepositPolicy(accessToken: string) {
    return this.call(api.deposits.policy, accessToken, {});
  }

  async deposit(accessToken: string, transmissionId: string, body: Uint8Array) {
    const endpoint = api.deposits.deposit;
    const answer = await this.send(endpoint.method, endpointUrl(endpoint), {
      token: accessToken,
      headers: { 'content-type': endpoint.body.file[0], 'idempotency-key': transmissionId },
      body,
    });
    return endpoint.response.parse(answer);
  }

  listDeposits(
    accessToken: string,
    query: { updatedSince: string | null; limit: number; cursor?: string | undefined },
  ) {
    const { updatedSince, limit, cursor } = query;
    return this.call(api.deposits.list, accessToken, {
      query: { limit, ...(updatedSince ? { updatedSince } : {}), ...(cursor ? { cursor } : {}) },
    });
  }

  async getDeposit(accessToken: string, depositId: string) {
    const params = { id: depositId };
    return (await this.call(api.deposits.get, accessToken, { params })).deposit;
  }

  /**
   * One call of an endpoint of the partner's table: its URL from the params and query, a JSON
   * body, and the answer parsed by the endpoint's schema. Partner refusals come back as AppError
   * with the partner's code and message.
   */
  private async call<const E extends Endpoint>(
    endpoint: E,
    token: string | undefined,
    input: CallArgs<E>,
  ): Promise<EndpointResponse<E>> {
    const { body } = input as { body?: unknown };
    const answer = await this.send(endpoint.method, endpointUrl(endpoint, input), {
      token,
      ...(body !== undefined
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
    });
    const schema = endpoint.response;
    return (
      schema && !isFileContent(schema) ? schema.parse(answer) : undefined
    ) as EndpointResponse<E>;
  }

  /**
   * One request. Node's fetch (undici) keeps connections alive and reuses them, so a worker
   * delivering many deposits does not pay a TCP handshake each time.
   */
  private async send(
    method: string,
    path: string,
    options: { token?: string; headers?: Record<string, string>; body?: string | Uint8Array },
  ): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...options.headers,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        ...(options.body !== undefined ? { body: options.body } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new PartnerUnavailableError(error);
    }
    if (response.status === 204) return undefined;
    const payload: unknown = await response.json().catch(() => undefined);
    if (response.ok) return payload;
    const refusal = payload as { code?: unknown; message?: unknown } | undefined;
    if (
      response.status >= 500 ||
      !refusal ||
      !isErrorCode(refusal.code) ||
      errorStatus[refusal.code] >= 500
    ) {
      throw new PartnerUnavailableError(new Error(`partner answered ${response.status}`));
    }
    const retryAfter = response.headers.get('retry-after');
    throw new AppError(
      refusal.code,
      typeof refusal.message === 'string' ? refusal.message : 'Refus du partenaire EDI.',
      retryAfter ? { headers: { 'retry-after': retryAfter } } : {},
    );
  }
}
