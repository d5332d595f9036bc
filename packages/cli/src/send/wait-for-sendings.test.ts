import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { SendingProgress } from '@passerelle/contracts';
import { CliError, ExitCode } from '../exit-codes';
import { ApiClient } from '../http/api-client';
import { ProgressReporter } from '../progress/progress-reporter';
import { memoryIo } from '../testing/memory-io';
import { waitForSendings } from './wait-for-sendings';

const progress = (overrides: Partial<SendingProgress>): SendingProgress => ({
  id: 's1',
  createdAt: '2025-04-02T08:00:00.000Z',
  total: 2,
  queued: 2,
  transmitted: 0,
  finished: 0,
  accepted: 0,
  rejected: 0,
  failed: 0,
  done: false,
  ...overrides,
});

let server: Server | undefined;
afterEach(async () => {
  const closing = server;
  server = undefined;
  closing?.closeAllConnections();
  if (closing?.listening) await new Promise((resolve) => closing.close(resolve));
});

/** A real server answering GET /api/sendings/s1 with the next state at each poll. */
async function serveStates(states: SendingProgress[], port = 0) {
  let polls = 0;
  server = createServer((_request, response) => {
    const state = states[Math.min(polls++, states.length - 1)];
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ sending: state }));
  });
  await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    polls: () => polls,
  };
}

describe('waiting for a batch', () => {
  const states = [
    progress({}),
    progress({ queued: 0, transmitted: 2 }),
    progress({ queued: 0, transmitted: 2, finished: 1, accepted: 1 }),
    progress({ queued: 0, transmitted: 2, finished: 2, accepted: 1, rejected: 1, done: true }),
  ];

  it('polls until every declaration is final, showing each step', async () => {
    const { url, polls } = await serveStates(states);
    const { io, stderr } = memoryIo();
    const reporter = new ProgressReporter(io.stderr, 'final', io.now, 0);
    const counts = await waitForSendings(new ApiClient(url), ['s1'], {
      goal: 'final',
      reporter,
      io,
    });
    reporter.end();
    expect(polls()).toBe(4);
    expect(counts).toMatchObject({ finished: 2, accepted: 1, rejected: 1 });
    expect(stderr().split('\n').filter(Boolean)).toEqual([
      'Envoi : 0/2 terminée (0\u00a0%) · 0 transmise · 0 acceptée',
      'Envoi : 0/2 terminée (0\u00a0%) · 2 transmises · 0 acceptée',
      'Envoi : 1/2 terminée (50\u00a0%) · 2 transmises · 1 acceptée',
      'Envoi : 2/2 terminées (100\u00a0%) · 2 transmises · 1 acceptée · 1 rejetée',
    ]);
  });

  it('with --no-wait, stops once nothing is left in the send queue', async () => {
    const { url, polls } = await serveStates(states);
    const { io } = memoryIo();
    await waitForSendings(new ApiClient(url), ['s1'], {
      goal: 'transmitted',
      reporter: new ProgressReporter(io.stderr, 'transmitted', io.now),
      io,
    });
    expect(polls()).toBe(2);
  });

  it('waits through a server restart, and gives up after the outage limit with exit 4', async () => {
    const first = await serveStates([progress({})]);
    const port = Number(new URL(first.url).port);
    const { io, stderr } = memoryIo();
    const client = new ApiClient(first.url);
    const reporter = new ProgressReporter(io.stderr, 'final', io.now, 0);
    let restarted = false;
    // The server stops after the first poll and is back after 30 s of the (test) clock.
    const sleep = io.sleep;
    io.sleep = async (ms) => {
      await sleep(ms);
      if (server?.listening && !restarted) {
        server.closeAllConnections();
        await new Promise((resolve) => server!.close(resolve));
      } else if (!restarted && io.now() >= 30_000) {
        restarted = true;
        await serveStates(
          [progress({ queued: 0, transmitted: 2, finished: 2, accepted: 2, done: true })],
          port,
        );
      }
    };
    const counts = await waitForSendings(client, ['s1'], {
      goal: 'final',
      reporter,
      io,
      outageMs: 60_000,
    });
    expect(counts.accepted).toBe(2);
    expect(stderr()).toContain('Serveur injoignable, nouvel essai dans un instant…');
    expect(stderr()).toContain('Serveur de nouveau joignable.');

    // Never back: exit 4, saying the batch goes on without us.
    server!.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    io.sleep = sleep;
    const error = await waitForSendings(client, ['s1'], {
      goal: 'final',
      reporter,
      io,
      outageMs: 60_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.unreachable);
    expect((error as CliError).message).toContain('passerelle status');
  });

  it('stops waiting at Ctrl-C with exit 130', async () => {
    const { url } = await serveStates([progress({})]);
    const { io } = memoryIo();
    const interrupt = new AbortController();
    const sleep = io.sleep;
    io.sleep = async (ms, signal) => {
      interrupt.abort();
      await sleep(ms, signal);
    };
    const error = await waitForSendings(new ApiClient(url), ['s1'], {
      goal: 'final',
      reporter: new ProgressReporter(io.stderr, 'final', io.now),
      io,
      signal: interrupt.signal,
    }).catch((e: unknown) => e);
    expect((error as CliError).exitCode).toBe(ExitCode.interrupted);
    expect((error as CliError).message).toContain('restent en file sur le serveur');
  });
});
