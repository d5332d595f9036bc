import { describe, expect, it } from 'vitest';
import type { UpdateCellsRequest } from '@passerelle/contracts';
import { CellEdits } from './cell-edits';
import { SAVE_DELAY_MS, SaveQueue, type SaveQueueDeps, type SaveState } from './save-queue';

interface Answer {
  version: number;
}

/** A queue whose requests the test answers by hand, and whose timer it fires by hand. */
function harness(overrides: Partial<SaveQueueDeps<Answer>> = {}) {
  const edits = new CellEdits();
  const requests: {
    request: UpdateCellsRequest;
    resolve: (a: Answer) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const states: [SaveState, string | null][] = [];
  const saved: Answer[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  let conflicts = 0;
  let pauses = 0;
  const queue = new SaveQueue<Answer>(edits, {
    send: (request) =>
      new Promise<Answer>((resolve, reject) => requests.push({ request, resolve, reject })),
    onSaved: (next) => saved.push(next),
    onConflict: () => conflicts++,
    onState: (state, error) => states.push([state, error]),
    isConflict: (caught) => caught === 'conflict',
    errorText: () => 'Le serveur ne répond pas.',
    onPause: () => pauses++,
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => timers.splice(0),
    ...overrides,
  });
  return {
    edits,
    queue,
    requests,
    states,
    saved,
    timers,
    conflicts: () => conflicts,
    pauses: () => pauses,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SaveQueue', () => {
  it('sends the pending changes with the version last answered, then says "saved"', async () => {
    const h = harness();
    h.queue.version = 3;
    h.edits.change('2033A', 0, 'AA', 1200);
    const done = h.queue.flush();
    expect(h.requests).toHaveLength(1);
    expect(h.requests[0]?.request).toEqual({
      version: 3,
      changes: [{ form: '2033A', occurrence: 0, code: 'AA', value: 1200 }],
    });
    expect(h.queue.idle).toBe(false);
    h.requests[0]?.resolve({ version: 4 });
    await done;
    expect(h.queue.version).toBe(4);
    expect(h.saved).toEqual([{ version: 4 }]);
    expect(h.states.map(([state]) => state)).toEqual(['saving', 'saved']);
    expect(h.queue.idle).toBe(true);
  });

  it('sends one request at a time: a change made meanwhile goes next, on the new version', async () => {
    const h = harness();
    h.edits.change('2033A', 0, 'AA', 1);
    const first = h.queue.flush();
    h.edits.change('2033A', 0, 'AB', 2);
    await h.queue.flush();
    expect(h.requests).toHaveLength(1);
    h.requests[0]?.resolve({ version: 1 });
    await settle();
    expect(h.requests).toHaveLength(2);
    expect(h.requests[1]?.request.version).toBe(1);
    expect(h.requests[1]?.request.changes.map((change) => change.code)).toEqual(['AB']);
    h.requests[1]?.resolve({ version: 2 });
    await first;
    expect(h.queue.saveState).toBe('saved');
  });

  it('keeps the changes of a failed request for "Réessayer", with a French reason', async () => {
    const h = harness();
    h.edits.change('2033A', 0, 'AA', 5);
    const done = h.queue.flush();
    h.requests[0]?.reject(new Error('network'));
    await done;
    expect(h.states.at(-1)).toEqual([
      'failed',
      'Vos dernières saisies ne sont pas enregistrées. Le serveur ne répond pas.',
    ]);
    expect(h.edits.hasPending).toBe(true);
    const retried = h.queue.flush();
    expect(h.requests[1]?.request.changes).toEqual([
      { form: '2033A', occurrence: 0, code: 'AA', value: 5 },
    ]);
    h.requests[1]?.resolve({ version: 1 });
    await retried;
    expect(h.queue.saveState).toBe('saved');
  });

  it('hands a version conflict to the editor instead of retrying', async () => {
    const h = harness();
    h.edits.change('2033A', 0, 'AA', 5);
    const done = h.queue.flush();
    h.requests[0]?.reject('conflict');
    await done;
    expect(h.conflicts()).toBe(1);
    expect(h.queue.saveState).toBe('idle');
  });

  it('waits for the pause after typing, then shows held-back refusals and sends', async () => {
    const h = harness();
    h.edits.change('2033A', 0, 'AA', 5);
    h.queue.markWaiting();
    h.queue.schedule(false);
    expect(h.timers.map((timer) => timer.ms)).toEqual([SAVE_DELAY_MS]);
    expect(h.requests).toHaveLength(0);
    expect(h.queue.saveState).toBe('waiting');
    h.timers[0]?.run();
    expect(h.pauses()).toBe(1);
    expect(h.requests).toHaveLength(1);
  });

  it('does nothing more once stopped (the editor left)', async () => {
    const h = harness();
    h.edits.change('2033A', 0, 'AA', 5);
    const done = h.queue.flush();
    h.queue.stop();
    h.requests[0]?.resolve({ version: 9 });
    await done;
    expect(h.saved).toEqual([]);
    expect(h.states.map(([state]) => state)).toEqual(['saving']);
    h.edits.change('2033A', 0, 'AB', 1);
    await h.queue.flush();
    expect(h.requests).toHaveLength(1);
  });
});
