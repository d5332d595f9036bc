import {
  errorStatus,
  isErrorCode,
  issuedSignatureSchema,
  sessionTokensSchema,
  signaturePolicySchema,
  signatureSchema,
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
 * through {@link HttpPartnerClient}; a real partner's API would be a second implementation.
 */
export interface PartnerClient {
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
  /** The account's certificates, newest first. */
  listSignatures(accessToken: string): Promise<Signature[]>;
}

const revokedSignatureSchema = z.object({ signature: signatureSchema });
const signatureListSchema = z.object({ signatures: z.array(signatureSchema) });

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
export class HttpPartnerClient implements PartnerClient {
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

  listSignatures(accessToken: string) {
    return this.call('GET', '/api/v1/signatures', undefined, accessToken).then(
      (body) => signatureListSchema.parse(body).signatures,
    );
  }

  /** One request; partner refusals come back as AppError with the partner's code and message. */
  private async call(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
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
