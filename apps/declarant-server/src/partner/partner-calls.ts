import type { PartnerApi } from './partner-api';

/** The calls a connected user's session makes (the session calls themselves stay inside). */
type UserCall =
  | 'getSignaturePolicy'
  | 'issueSignature'
  | 'revokeSignature'
  | 'listRecentSignatures'
  | 'getDepositPolicy'
  | 'deposit'
  | 'listDeposits'
  | 'getDeposit';

type WithoutToken<F> = F extends (token: string, ...rest: infer R) => infer O
  ? (...rest: R) => O
  : never;

/** The partner's API as one user's session sees it: every call already carries its token. */
export type PartnerCalls = { [K in UserCall]: WithoutToken<PartnerApi[K]> };

/** `api`'s calls bound to `accessToken` (which never leaves the gateway). */
export function bindCalls(api: PartnerApi, accessToken: string): PartnerCalls {
  return {
    getSignaturePolicy: () => api.getSignaturePolicy(accessToken),
    issueSignature: (request) => api.issueSignature(accessToken, request),
    revokeSignature: (serial, request) => api.revokeSignature(accessToken, serial, request),
    listRecentSignatures: () => api.listRecentSignatures(accessToken),
    getDepositPolicy: () => api.getDepositPolicy(accessToken),
    deposit: (transmissionId, body) => api.deposit(accessToken, transmissionId, body),
    listDeposits: (query) => api.listDeposits(accessToken, query),
    getDeposit: (depositId) => api.getDeposit(accessToken, depositId),
  };
}
