import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPolling } from './poller';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A load whose answers are resolved by the test, one at a time. */
function controlledLoad() {
  const pending: { resolve: (value: number) => void; reject: (error: unknown) => void }[] = [];
  const load = vi.fn(
    () => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })),
  );
  return { load, pending };
}

describe('startPolling', () => {
  it('asks at once, then again an interval after each answer, until told it is over', async () => {
    const { load, pending } = controlledLoad();
    const seen: number[] = [];
    startPolling({
      load,
      intervalMs: 1000,
      onData: (value) => {
        seen.push(value);
        return value < 3;
      },
      onError: () => true,
    });
    expect(load).toHaveBeenCalledTimes(1);
    // A slow answer: no second request meanwhile.
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(1);
    pending[0]?.resolve(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(2);
    pending[1]?.resolve(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(load).toHaveBeenCalledTimes(2);
    expect(seen).toEqual([1, 3]);
  });

  it('waits longer after each failure, back to the interval after a success', async () => {
    const { load, pending } = controlledLoad();
    const errors: unknown[] = [];
    startPolling({
      load,
      intervalMs: 1000,
      maxIntervalMs: 3000,
      onData: () => true,
      onError: (error) => {
        errors.push(error);
        return true;
      },
    });
    pending[0]?.reject(new Error('down'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(2);
    pending[1]?.reject(new Error('down'));
    // 4 s capped at 3 s.
    await vi.advanceTimersByTimeAsync(3000);
    expect(load).toHaveBeenCalledTimes(3);
    pending[2]?.resolve(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(load).toHaveBeenCalledTimes(4);
    expect(errors).toHaveLength(2);
  });

  it('stops after a failure it is told not to retry', async () => {
    const { load, pending } = controlledLoad();
    startPolling({ load, intervalMs: 1000, onData: () => true, onError: () => false });
    pending[0]?.reject(new Error('gone'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('drops an answer arriving after stop, and asks no more', async () => {
    const { load, pending } = controlledLoad();
    const onData = vi.fn(() => true);
    const stop = startPolling({ load, intervalMs: 1000, onData, onError: () => true });
    stop();
    pending[0]?.resolve(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onData).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
