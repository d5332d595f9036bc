// What the user changed in the liasse editor and the server has not confirmed yet (pure, no
// React): each cell's local value, the cells to send, the texts kept as typed, and the input
// refusals (shown at once, or hidden until the pause after typing or leaving the field).
import type { CellEntry, EditorCell } from './declaration-cells';

/** A value decided locally, not yet confirmed by the server (an object, compared by identity). */
export interface LocalEntry {
  form: string;
  occurrence: number;
  code: string;
  entry: CellEntry | null;
}

/** One cell's change as sent, with its key to confirm or send again. */
export interface SentEntry {
  key: string;
  item: LocalEntry;
}

const keyOf = (form: string, occurrence: number, code: string) => `${form}|${occurrence}|${code}`;

/** The editor's unconfirmed edits. */
export class CellEdits {
  private readonly local = new Map<string, LocalEntry>();
  private readonly pending = new Set<string>();
  private readonly drafts = new Map<string, string>();
  private readonly errors = new Map<string, string>();
  private readonly hiddenErrors = new Map<string, string>();

  /** The local value of a cell, if the user changed it. */
  localEntry(form: string, occurrence: number, cell: EditorCell): LocalEntry | undefined {
    return this.local.get(keyOf(form, occurrence, cell.code));
  }

  /** A new value of a cell, to be sent. */
  change(form: string, occurrence: number, code: string, entry: CellEntry | null): void {
    const key = keyOf(form, occurrence, code);
    this.local.set(key, { form, occurrence, code, entry });
    this.pending.add(key);
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** The changes to send now (no longer pending). */
  takePending(): SentEntry[] {
    const sent = [...this.pending].flatMap((key) => {
      const item = this.local.get(key);
      return item === undefined ? [] : [{ key, item }];
    });
    this.pending.clear();
    return sent;
  }

  /** The server took `sent`: their local values go, unless changed again meanwhile. */
  confirm(sent: readonly SentEntry[]): void {
    for (const { key, item } of sent) {
      if (this.local.get(key) === item && !this.pending.has(key)) this.local.delete(key);
    }
  }

  /** `sent` failed: kept to be sent again with the next change or "Réessayer". */
  requeue(sent: readonly SentEntry[]): void {
    for (const { key } of sent) this.pending.add(key);
  }

  /** Forgets everything (the declaration changed elsewhere and is read again). */
  clear(): void {
    this.local.clear();
    this.pending.clear();
    this.drafts.clear();
    this.errors.clear();
    this.hiddenErrors.clear();
  }

  draftOf(inputId: string): string | undefined {
    return this.drafts.get(inputId);
  }

  setDraft(inputId: string, text: string): void {
    this.drafts.set(inputId, text);
  }

  errorOf(inputId: string): string | undefined {
    return this.errors.get(inputId);
  }

  /** A refusal of what was typed: updated if shown already, else hidden until shown. */
  refuse(inputId: string, message: string): void {
    if (this.errors.has(inputId)) this.errors.set(inputId, message);
    else this.hiddenErrors.set(inputId, message);
  }

  /** What was typed is valid: its refusal goes. */
  accept(inputId: string): void {
    this.errors.delete(inputId);
    this.hiddenErrors.delete(inputId);
  }

  get hasHiddenErrors(): boolean {
    return this.hiddenErrors.size > 0;
  }

  /** Shows the hidden refusals (of one input, or all). */
  showHiddenErrors(inputId?: string): void {
    for (const [key, message] of this.hiddenErrors) {
      if (inputId !== undefined && key !== inputId) continue;
      this.errors.set(key, message);
      this.hiddenErrors.delete(key);
    }
  }

  /** Leaving an input: its refusal shown, and a valid text shown formatted from now on. */
  leave(inputId: string): void {
    this.showHiddenErrors(inputId);
    if (!this.errors.has(inputId)) this.drafts.delete(inputId);
  }
}
