import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_POSTGRES_URL } from '@passerelle/server-kit/testing';

export { testDialects } from '@passerelle/server-kit/testing';

/** A throw-away PostgreSQL database for one server process, dropped at the end. */
export interface E2eDatabase {
  /** `DATABASE_URL` for the server. */
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a database of its own (a server process takes a plain `DATABASE_URL`, so a schema of
 * the shared test database would not do) on the test PostgreSQL server.
 */
export async function createE2eDatabase(purpose: string): Promise<E2eDatabase> {
  const name = `e2e_${purpose}_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create database "${name}"`));
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(
        () => undefined,
      ),
  };
}

/** `DATABASE_URL` for each of the two servers on `dialect` (empty: the SQLite default). */
export async function serverDatabases(dialect: 'sqlite' | 'postgres'): Promise<{
  partnerEnv: Record<string, string>;
  declarantEnv: Record<string, string>;
  drop(): Promise<void>;
}> {
  if (dialect === 'sqlite') return { partnerEnv: {}, declarantEnv: {}, drop: async () => {} };
  const [partnerDb, declarantDb] = [
    await createE2eDatabase('partner'),
    await createE2eDatabase('declarant'),
  ];
  return {
    partnerEnv: { DATABASE_URL: partnerDb.url },
    declarantEnv: { DATABASE_URL: declarantDb.url },
    drop: async () => {
      await partnerDb.drop();
      await declarantDb.drop();
    },
  };
}
