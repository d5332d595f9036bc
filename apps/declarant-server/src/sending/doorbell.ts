/**
 * Wakes a waiting loop: `ring()` ends the current {@link Doorbell.wait} at once, or the next one
 * when nobody waits yet (a ring while the loop was busy is not lost). One per process, built at
 * start and carried by the context: a committed batch rings the delivery worker's.
 */
export class Doorbell {
  private rung = false;
  private answer: (() => void) | undefined;

  /** Wakes the loop (a no-op but for the next wait when no loop runs). */
  ring(): void {
    this.rung = true;
    this.answer?.();
  }

  /** Waits for a ring, or `ms` at most; returns at once if one came since the last wait. */
  async wait(ms: number): Promise<void> {
    if (!this.rung) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.answer = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.answer = undefined;
    }
    this.rung = false;
  }
}
