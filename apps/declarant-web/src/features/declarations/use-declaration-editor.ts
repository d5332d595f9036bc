// The liasse editor's state: the declaration and its layout, what the user typed (cell-edits.ts),
// and the live validation (changes sent by PATCH ~400 ms after the last keystroke or at once on
// blur, one request at a time with the version last answered; the answer's anomalies and status
// shown).
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { DeclarationDetail, EditorLayout } from '@passerelle/contracts';
import { getDeclaration, getDeclarationEditor, updateDeclarationCells } from '../../api/endpoints';
import { errorText, hasErrorCode } from '../../shared/errors';
import { CellEdits } from './cell-edits';
import { cellInputId, parseCellInput, sameEntry, withRow } from './declaration-cells';
import type { CellEntry, CellInputKind, EditorCell } from './declaration-cells';
import { reloadedNotice } from './declaration-labels';
import { useUnsavedWarning } from './use-unsaved-warning';

/** How long the editor waits after the last keystroke before sending the changes. */
export const SAVE_DELAY_MS = 400;

/** Where a value goes: a form occurrence's cell, and the row of a repeatable cell. */
export interface CellPlace {
  form: string;
  occurrence: number;
  cell: EditorCell;
  kind: CellInputKind;
  /** The row of a repeatable cell (0-based); undefined for a single-value cell. */
  row?: number;
}

/** What the save indicator says. */
export type SaveState = 'idle' | 'waiting' | 'saving' | 'saved' | 'failed';

/** Loads the declaration `id` and manages its editing. */
export function useDeclarationEditor(id: string) {
  const [declaration, setDeclaration] = useState<DeclarationDetail | null>(null);
  const [layout, setLayout] = useState<EditorLayout | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  // Local edits live in an object (read by the timers and the request callbacks); `rerender`
  // shows them.
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const [edits] = useState(() => new CellEdits());
  const version = useRef(0);
  const saving = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const mounted = useRef(true);

  const shown = useRef(declaration);
  shown.current = declaration;

  const accept = useCallback((next: DeclarationDetail) => {
    version.current = next.version;
    setDeclaration(next);
  }, []);

  useEffect(() => {
    mounted.current = true;
    Promise.all([getDeclaration(id), getDeclarationEditor(id)]).then(
      ([detail, editor]) => {
        if (!mounted.current) return;
        accept(detail);
        setLayout(editor);
        setLoadError(null);
      },
      (caught: unknown) => mounted.current && setLoadError(errorText(caught)),
    );
    return () => {
      mounted.current = false;
      window.clearTimeout(timer.current);
    };
  }, [id, accept]);

  useUnsavedWarning(saveState);

  /** The declaration changed elsewhere: the edits are dropped and it is read again. */
  const reload = useCallback(async () => {
    edits.clear();
    setSaveState('idle');
    setNotice(reloadedNotice);
    try {
      accept(await getDeclaration(id));
    } catch (reloadError) {
      if (mounted.current) setLoadError(errorText(reloadError));
    }
  }, [id, accept, edits]);

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (!mounted.current || saving.current || !edits.hasPending) return;
    const sent = edits.takePending();
    if (sent.length === 0) return;
    saving.current = true;
    setSaveState('saving');
    setSaveError(null);
    try {
      const next = await updateDeclarationCells(id, {
        version: version.current,
        changes: sent.map(({ item }) => ({
          form: item.form,
          occurrence: item.occurrence,
          code: item.code,
          value: item.entry,
        })),
      });
      if (!mounted.current) return;
      edits.confirm(sent);
      saving.current = false;
      accept(next);
      setSaveState(edits.hasPending ? 'waiting' : 'saved');
      if (edits.hasPending) void flush();
    } catch (caught) {
      saving.current = false;
      if (!mounted.current) return;
      if (hasErrorCode(caught, 'DECLARATION_CHANGED')) return reload();
      edits.requeue(sent);
      setSaveState('failed');
      const text = errorText(caught);
      setSaveError(
        text === null ? null : `Vos dernières saisies ne sont pas enregistrées. ${text}`,
      );
    }
  }, [id, accept, edits, reload]);

  const schedule = useCallback(
    (immediate: boolean) => {
      window.clearTimeout(timer.current);
      if (immediate) void flush();
      else {
        timer.current = window.setTimeout(() => {
          if (edits.hasHiddenErrors) {
            edits.showHiddenErrors();
            rerender();
          }
          void flush();
        }, SAVE_DELAY_MS);
      }
    },
    [flush, edits],
  );

  /** The entry of a cell as the editor shows it: the local value if any, else the server's. */
  const entryOf = useCallback(
    (form: string, occurrence: number, cell: EditorCell): CellEntry | null | undefined => {
      const item = edits.localEntry(form, occurrence, cell);
      return item !== undefined
        ? item.entry
        : shown.current?.forms[form]?.[occurrence]?.[cell.code];
    },
    [edits],
  );

  /**
   * What the user typed or chose in one input: kept as typed, read, and when it is a valid
   * value different from the shown one, sent (at once for boxes and lists, after a pause else).
   */
  const edit = useCallback(
    (place: CellPlace, text: string) => {
      const { form, occurrence, cell, kind, row } = place;
      const inputId = cellInputId(form, cell.code, occurrence, row ?? 0);
      const immediate = kind === 'checkbox' || kind === 'select';
      if (!immediate) edits.setDraft(inputId, text);
      const parsed = parseCellInput(kind, text, cell.signed);
      if (!parsed.ok) {
        // Shown after the pause (or on leaving the field), not at the first keystroke.
        edits.refuse(inputId, parsed.message);
        schedule(false);
        rerender();
        return;
      }
      edits.accept(inputId);
      const current = entryOf(form, occurrence, cell);
      const next = cell.repeatable ? withRow(current, row ?? 0, parsed.value) : parsed.value;
      if (!sameEntry(next, current)) {
        edits.change(form, occurrence, cell.code, next);
        setSaveState((state) => (state === 'saving' ? state : 'waiting'));
        schedule(immediate);
      }
      rerender();
    },
    [entryOf, schedule, edits],
  );

  /** Leaving an input: its refusal shown, its value formatted, the changes sent at once. */
  const leave = useCallback(
    (inputId: string) => {
      edits.leave(inputId);
      void flush();
      rerender();
    },
    [flush, edits],
  );

  const retry = useCallback(() => void flush(), [flush]);

  /** Reads the declaration again (a transmission changed its status), unless edits are waiting. */
  const refresh = useCallback(async () => {
    const idle = () => !saving.current && !edits.hasPending;
    if (!idle()) return;
    try {
      const next = await getDeclaration(id);
      if (mounted.current && idle()) accept(next);
    } catch (caught) {
      if (mounted.current) setLoadError(errorText(caught));
    }
  }, [id, accept, edits]);

  const view = useMemo(
    () => ({
      draftOf: (inputId: string) => edits.draftOf(inputId),
      errorOf: (inputId: string) => edits.errorOf(inputId),
    }),
    [edits],
  );

  return {
    declaration,
    layout,
    loadError,
    saveError,
    saveState,
    notice,
    setNotice,
    entryOf,
    edit,
    leave,
    retry,
    refresh,
    ...view,
  };
}
