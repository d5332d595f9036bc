import type { OutputStream } from '../io';
import {
  progressBarLine,
  progressText,
  type ProgressCounts,
  type ProgressGoal,
} from './progress-text';

/** Carriage return + "erase line": the bar is redrawn in place on a terminal. */
const REDRAW = '\r\u001b[2K';

/**
 * Shows a batch's progress on stderr. On a terminal, one bar line redrawn in place; otherwise
 * (a log file, CI), a plain line when the figures change, at most one every `intervalMs`, and
 * the last figures at the end — so logs stay short and still show the way.
 */
export class ProgressReporter {
  private lastText: string | undefined;
  private lastPrintedText: string | undefined;
  private lastPrintedAt = Number.NEGATIVE_INFINITY;
  private barShown = false;

  constructor(
    private readonly stream: OutputStream,
    private readonly goal: ProgressGoal,
    private readonly now: () => number,
    private readonly intervalMs = 5_000,
  ) {}

  /** New figures from the server. */
  update(counts: ProgressCounts): void {
    if (this.stream.isTTY) {
      // A terminal whose size is unknown reports 0 columns.
      const line = progressBarLine(counts, this.goal, this.stream.columns || 80);
      if (line === this.lastText) return;
      this.lastText = line;
      this.stream.write(`${REDRAW}${line}`);
      this.barShown = true;
      return;
    }
    const text = progressText(counts, this.goal);
    this.lastText = text;
    if (text === this.lastPrintedText || this.now() - this.lastPrintedAt < this.intervalMs) return;
    this.printPlain(text);
  }

  /** A message between updates ("serveur injoignable…"), without breaking the bar. */
  note(message: string): void {
    if (this.stream.isTTY && this.barShown) {
      this.stream.write(`${REDRAW}${message}\n${this.lastText ?? ''}`);
      return;
    }
    this.stream.write(`${message}\n`);
  }

  /** Leaves the last figures on screen (the bar stays, followed by a new line). */
  end(): void {
    if (this.stream.isTTY) {
      if (this.barShown) this.stream.write('\n');
      this.barShown = false;
      return;
    }
    if (this.lastText !== undefined && this.lastText !== this.lastPrintedText)
      this.printPlain(this.lastText);
  }

  private printPlain(text: string): void {
    this.stream.write(`Envoi : ${text}\n`);
    this.lastPrintedText = text;
    this.lastPrintedAt = this.now();
  }
}
