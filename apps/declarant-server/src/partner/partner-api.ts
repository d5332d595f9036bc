import {
  depositAcceptedSchema,
  depositListSchema,
  depositPolicySchema,
  depositSchema,
  errorStatus,
  isErrorCode,
  issuedSignatureSchema,
  PAGE_SIZE_MAX,
  partnerSignaturePageSchema,
  sessionTokensSchema,
  signaturePolicySchema,
  signatureSchema,
  type Deposit,
  type DepositAccepted,
  type DepositList,
  type DepositPolicy,
  type IssuedSignature,
  type IssueSignatureRequest,
  type RevokeSignatureRequest,
  type SessionTokens,
  type Signature,
  type SignaturePolicy,
} from '@passerelle/contracts';
import { z } from 'zod';
import { AppError } from '@passerelle/server-kit';

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

const revokedSignatureSchema = z.object({ signature: signatureSchema });

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
    return this.call('POST', '/api/v1/sessions', { email, password }).then((body) =>
      sessionTokensSchema.parse(body),
    );
  }

  refreshSession(refreshToken: string) {
    return this.call('POST', '/api/v1/sessions/refresh', { refreshToken }).then((body) =>
      sessionTokensSchema.parse(body),
    );
  }

  async revokeSession(accessToken: string) {
    await this.call('DELETE', '/api/v1/sessions/current', undefined, accessToken);
  }

  async checkAccess(accessToken: string) {
    try {
      await this.call('GET', '/api/v1/accounts/current', undefined, accessToken);
      return true;
    } catch (error) {
      if (error instanceof AppError && errorStatus[error.code] === 401) return false;
      throw error;
    }
  }

  getSignaturePolicy(accessToken: string) {
    return this.call('GET', '/api/v1/signature-policy', undefined, accessToken).then((body) =>
      signaturePolicySchema.parse(body),
    );
  }

  issueSignature(accessToken: string, request: IssueSignatureRequest) {
    return this.call('POST', '/api/v1/signatures', request, accessToken).then((body) =>
      issuedSignatureSchema.parse(body),
    );
  }

  revokeSignature(accessToken: string, serial: string, request: RevokeSignatureRequest) {
    const path = `/api/v1/signatures/${encodeURIComponent(serial)}/revocation`;
    return this.call('POST', path, request, accessToken).then(
      (body) => revokedSignatureSchema.parse(body).signature,
    );
  }

  listRecentSignatures(accessToken: string) {
    const path = `/api/v1/signatures?limit=${PAGE_SIZE_MAX}`;
    return this.call('GET', path, undefined, accessToken).then(
      (body) => partnerSignaturePageSchema.parse(body).items,
    );
  }

  getDepositPolicy(accessToken: string) {
    return this.call('GET', '/api/v1/deposit-policy', undefined, accessToken).then((body) =>
      depositPolicySchema.parse(body),
    );
  }

  deposit(accessToken: string, transmissionId: string, body: Uint8Array) {
    return this.send('POST', '/api/v1/deposits', {
      token: accessToken,
      headers: { 'content-type': 'application/pkcs7-mime', 'idempotency-key': transmissionId },
      body,
    }).then((answer) => depositAcceptedSchema.parse(answer));
  }

  listDeposits(
    accessToken: string,
    query: { updatedSince: string | null; limit: number; cursor?: string | undefined },
  ) {
    const params = new URLSearchParams({ limit: String(query.limit) });
    if (query.updatedSince) params.set('updatedSince', query.updatedSince);
    if (query.cursor) params.set('cursor', query.cursor);
    return this.call('GET', `/api/v1/deposits?${params}`, undefined, accessToken).then((body) =>
      depositListSchema.parse(body),
    );
  }

  getDeposit(accessToken: string, depositId: string) {
    const path = `/api/v1/deposits/${encodeURIComponent(depositId)}`;
    return this.call('GET', path, undefined, accessToken).then(
      (body) => z.object({ deposit: depositSchema }).parse(body).deposit,
    );
  }

  /** One JSON request; partner refusals come back as AppError with the partner's code and message. */
  private call(method: string, path: string, body?: unknown, token?: string): Promise<unknown> {
    return this.send(method, path, {
      token,
      ...(body !== undefined
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
    });
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
