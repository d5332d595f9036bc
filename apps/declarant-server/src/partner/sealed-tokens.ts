import type { SessionTokens } from '@passerelle/contracts';
import { openSecret, sealSecret, type Keyring } from '@passerelle/server-kit';
import type { SealedTokens } from './partner-sessions.repository';

/** The sealing context binds a ciphertext to its user and purpose (AES-GCM associated data). */
export const refreshTokenContext = (userId: string) => `client-space-refresh-token:${userId}`;
/** Same for the access token, which every instance of the declarant uses until it expires. */
export const accessTokenContext = (userId: string) => `client-space-access-token:${userId}`;

/** Seals a session's tokens for storage; the expiry stays readable. */
export function sealTokens(keyring: Keyring, userId: string, tokens: SessionTokens): SealedTokens {
  return {
    refreshToken: sealSecret(
      keyring,
      Buffer.from(tokens.refreshToken),
      refreshTokenContext(userId),
    ),
    accessToken: sealSecret(keyring, Buffer.from(tokens.accessToken), accessTokenContext(userId)),
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
  };
}

/** Opens a stored token of `userId` (`kind` says which). */
export function openToken(
  keyring: Keyring,
  userId: string,
  kind: 'refresh' | 'access',
  sealed: string,
): string {
  const context = kind === 'refresh' ? refreshTokenContext(userId) : accessTokenContext(userId);
  return openSecret(keyring, sealed, context).toString('utf8');
}
