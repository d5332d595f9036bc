// The editor's save queue (pure, tested): changes sent by PATCH ~400 ms after the last keystroke
// or at once on blur, one request at a time with the version last answered; a conflict
// (someone else changed the declaration) hands over to the editor, a failure keeps the changes
// for "Réessayer".
import type { UpdateCellsRequest } from '@passerelle/contracts';
import type { CellEdits } from './cell-edits';

/** How long the editor waits after the last keystroke before sending the changes. */
export const SAVE_DELAY_MS = 400;

/** What the save indicator says. */
export type SaveState = 'idle' | 'waiting' | 'saving' | 'saved' | 'failed';

/** What the queue needs from outside: the request, the answers' handlers, a timer. */
export interface SaveQueueDeps<T extends { version: number }> {
  send: (request: UpdateCellsRequest) => Promise<T>;
  /** The server's answer to a save (the declaration as it now is). */
  onSaved: (next: T) => void;
  /** The declaration changed elsewhere: the editor drops its edits and reads it again. */
  onConflict: () => void;
  /** The save state or its error text changed. */
  onState: (state: SaveState, error: string | null) => void;
  /** Whether a failure is the version conflict, and its French text (null: nothing to show). */
  isConflict: (caught: unknown) => boolean;
  errorText: (caught: unknown) => string | null;
  /** When the pause after the last keystroke ends, before sending (shows refusals held back). */
  onPause?: () => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** One editor's queue of changes to save. */
export class SaveQueue<T extends { version: number }> {
  /** The version the next request is based on (the last one the server answered). */
  version = 0;
  private state: SaveState = 'idle';
  private saving = false;
  private stopped = false;
  private timer: unknown;

  constructor(
    private readonly edits: CellEdits,
    private readonly deps: SaveQueueDeps<T>,
  ) {}

  /** Nothing being sent nor waiting to be. */
  get idle(): boolean {
    return !this.saving && !this.edits.hasPending;
  }

  get saveState(): SaveState {
    return this.state;
  }

  /** A change was made: "waiting" unless a request is on its way. */
  markWaiting(): void {
    if (this.state !== 'saving') this.setState('waiting', null);
  }

  /** Back to rest (the edits were dropped). */
  reset(): void {
    this.setState('idle', null);
  }

  /** Sends the changes now (at once) or after the pause. */
  schedule(immediate: boolean): void {
    this.cancelTimer();
    if (immediate) {
      void this.flush();
      return;
    }
    const setTimer = this.deps.setTimer ?? ((run, ms) => window.setTimeout(run, ms));
    this.timer = setTimer(() => {
      this.timer = undefined;
      this.deps.onPause?.();
      void this.flush();
    }, SAVE_DELAY_MS);
  }

  /** Sends what is pending, one request at a time; sends again what came in meanwhile. */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.stopped || this.saving || !this.edits.hasPending) return;
    const sent = this.edits.takePending();
    if (sent.length === 0) return;
    this.saving = true;
    this.setState('saving', null);
    try {
      const next = await this.deps.send({
        version: this.version,
        changes: sent.map(({ item }) => ({
          form: item.form,
          occurrence: item.occurrence,
          code: item.code,
          value: item.entry,
        })),
      });
      this.saving = false;
      if (this.stopped) return;
      this.edits.confirm(sent);
      this.version = next.version;
      this.deps.onSaved(next);
      this.setState(this.edits.hasPending ? 'waiting' : 'saved', null);
      if (this.edits.hasPending) await this.flush();
    } catch (caught) {
      this.saving = false;
      if (this.stopped) return;
      if (this.deps.isConflict(caught)) {
        this.setState('idle', null);
        this.deps.onConflict();
        return;
      }
      this.edits.requeue(sent);
      const text = this.deps.errorText(caught);
      this.setState(
        'failed',
        text === null ? null : `Vos dernières saisies ne sont pas enregistrées. ${text}`,
      );
    }
  }

  /** The editor is gone: no more requests nor state changes. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    (this.deps.clearTimer ?? ((timer) => window.clearTimeout(timer as number)))(this.timer);
    this.timer = undefined;
  }

  private setState(state: SaveState, error: string | null): void {
    this.state = state;
    this.deps.onState(state, error);
  }
}
