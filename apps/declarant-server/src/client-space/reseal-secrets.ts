import type { Kysely } from 'kysely';
import { openSecret, sealSecret, sealedKeyId, type Keyring } from '@passerelle/server-kit';
import type { DeclarantDatabase } from '../db/schema';
import { listConnections, updateSealedToken } from './client-space.repository';
import { refreshTokenContext } from './client-space.service';

/**
 * Re-encrypts every stored secret not yet under the keyring's current key (old keys still
 * decrypt meanwhile). Returns how many were re-sealed and which key ids are still in use.
 */
export async function resealSecrets(
  db: Kysely<DeclarantDatabase>,
  keyring: Keyring,
  now: Date,
): Promise<{ resealed: number; keyIdsInUse: string[] }> {
  let resealed = 0;
  const inUse = new Set<string>();
  for (const row of await listConnections(db)) {
    if (!row.refresh_token_sealed) continue; // a lost connection holds no token
    const keyId = sealedKeyId(row.refresh_token_sealed);
    if (keyId !== keyring.currentId) {
      const context = refreshTokenContext(row.user_id);
      const plain = openSecret(keyring, row.refresh_token_sealed, context);
      await updateSealedToken(
        db,
        row.user_id,
        sealSecret(keyring, plain, context),
        now.toISOString(),
      );
      plain.fill(0);
      resealed += 1;
    }
    inUse.add(keyring.currentId);
  }
  return { resealed, keyIdsInUse: [...inUse] };
}
