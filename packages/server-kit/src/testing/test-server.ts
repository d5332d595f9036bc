import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { DatabaseTarget } from '../db/database';
import { createLogger } from '../logger';
import { TestClock, captureLogs } from './inject';
import { createScratchDatabase, type ScratchDatabase } from './test-databases';

/** What a server's start opens: its context and how to close it. */
export interface OpenedContext<Ctx> {
  ctx: Ctx;
  close(): Promise<void>;
}

/** What a test server's context is opened with: a captured logger, the scratch database, the clock. */
export interface TestServerDeps {
  logger: Logger;
  target: DatabaseTarget;
  now: () => Date;
}

/**
 * One of the project's servers on a scratch database of one dialect, driven by `inject`, with
 * further instances on the same database, configuration and clock (as several servers behind a
 * load balancer). The declarant's and the partner's test support build on it.
 */
export interface TestServer<Ctx> {
  app: FastifyInstance;
  ctx: Ctx;
  clock: TestClock;
  /** Every log line written during the test, as text. */
  logs: string[];
  scratch: ScratchDatabase;
  /** Another instance on the same database; closed with the first. */
  startInstance(): Promise<{ app: FastifyInstance; ctx: Ctx }>;
  /** Closes every instance, then drops the scratch database. */
  close(): Promise<void>;
}

export async function startTestServer<Ctx>(
  dialect: 'sqlite' | 'postgres',
  open: (deps: TestServerDeps) => Promise<OpenedContext<Ctx>>,
  build: (ctx: Ctx) => Promise<FastifyInstance>,
): Promise<TestServer<Ctx>> {
  const scratch = await createScratchDatabase(dialect);
  const { sink, lines: logs } = captureLogs();
  const clock = new TestClock();
  const deps = { logger: createLogger('info', sink), target: scratch.target, now: clock.now };
  const opened: Array<OpenedContext<Ctx> & { app: FastifyInstance }> = [];
  const startInstance = async () => {
    const context = await open(deps);
    const app = await build(context.ctx);
    opened.push({ ...context, app });
    return { app, ctx: context.ctx };
  };
  const first = await startInstance();
  return {
    ...first,
    clock,
    logs,
    scratch,
    startInstance,
    async close() {
      for (const instance of opened.reverse()) {
        await instance.app.close();
        await instance.close();
      }
      await scratch.drop();
    },
  };
}
