import type { Kysely } from 'kysely';
import { openSecret, sealSecret, sealedKeyId, type Keyring } from '@passerelle/server-kit';
import type { DeclarantDatabase } from '../db/schema';
import { listConnections, resealTokens } from './partner-sessions.repository';
import { accessTokenContext, refreshTokenContext } from './sealed-tokens';

/** `sealed` under the keyring's current key (the same text when it already is). */
function resealed(keyring: Keyring, sealed: string, context: string): string {
  if (sealedKeyId(sealed) === keyring.currentId) return sealed;
  const plain = openSecret(keyring, sealed, context);
  try {
    return sealSecret(keyring, plain, context);
  } finally {
    plain.fill(0);
  }
}

/**
 * Re-encrypts every stored secret not yet under the keyring's current key (old keys still
 * decrypt meanwhile). Returns how many connections were re-sealed and which key ids are still
 * in use.
 */
export async function resealSecrets(
  db: Kysely<DeclarantDatabase>,
  keyring: Keyring,
  now: Date,
): Promise<{ resealed: number; keyIdsInUse: string[] }> {
  let count = 0;
  const inUse = new Set<string>();
  for (const row of await listConnections(db)) {
    if (!row.refresh_token_sealed) continue; // a lost connection holds no token
    const refreshToken = resealed(
      keyring,
      row.refresh_token_sealed,
      refreshTokenContext(row.user_id),
    );
    const accessToken =
      row.access_token_sealed &&
      resealed(keyring, row.access_token_sealed, accessTokenContext(row.user_id));
    if (refreshToken !== row.refresh_token_sealed || accessToken !== row.access_token_sealed) {
      await resealTokens(db, row.user_id, { refreshToken, accessToken }, now.toISOString());
      count += 1;
    }
    inUse.add(keyring.currentId);
  }
  return { resealed: count, keyIdsInUse: [...inUse] };
}
