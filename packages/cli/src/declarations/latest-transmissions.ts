import { declarantApi, type Transmission } from '@passerelle/contracts';
import type { ApiClient } from '../http/api-client';

/** At most this many requests at once: enough to be quick, gentle on the server. */
const CONCURRENCY = 8;

/** The newest transmission of a declaration, or undefined when it was never sent. */
export async function findLatestTransmission(
  client: ApiClient,
  declarationId: string,
): Promise<Transmission | undefined> {
  // Newest first: the first item of the first page of one.
  const page = await client.call(declarantApi.sending.transmissions, {
    params: { id: declarationId },
    query: { limit: 1 },
  });
  return page.items[0];
}

/** The newest transmission of each declaration, by declaration id (a few requests at a time). */
export async function findLatestTransmissions(
  client: ApiClient,
  declarationIds: readonly string[],
): Promise<Map<string, Transmission>> {
  const found = new Map<string, Transmission>();
  const queue = [...declarationIds];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const latest = await findLatestTransmission(client, id);
      if (latest) found.set(id, latest);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, declarationIds.length) }, worker));
  return found;
}
