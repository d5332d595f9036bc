// The liasse editor's state: the declaration and its layout, what the user typed, and the live
// validation (changes sent by PATCH ~400 ms after the last keystroke or at once on blur, one
// request at a time with the version last answered; the answer's anomalies and status shown).
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { DeclarationDetail, EditorLayout } from '@passerelle/contracts';
import { getDeclaration, getDeclarationEditor, updateDeclarationCells } from '../../api/endpoints';
import { cellInputId, parseCellInput, sameEntry, withRow } from './declaration-cells';
import type { CellEntry, CellInputKind, EditorCell } from './declaration-cells';
import { reloadedNotice } from './declaration-labels';
import { errorText, hasErrorCode } from '../../shared/errors';

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

const keyOf = (form: string, occurrence: number, code: string) => `${form}|${occurrence}|${code}`;

/** A value decided locally, not yet confirmed by the server (an object, compared by identity). */
interface LocalEntry {
  form: string;
  occurrence: number;
  code: string;
  entry: CellEntry | null;
}

/** Loads the declaration `id` and manages its editing. */
export function useDeclarationEditor(id: string) {
  const [declaration, setDeclaration] = useState<DeclarationDetail | null>(null);
  const [layout, setLayout] = useState<EditorLayout | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  // Local edits live in refs (read by the timers and the request callbacks); `rerender` shows them.
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const local = useRef(new Map<string, LocalEntry>());
  const pending = useRef(new Set<string>());
  const drafts = useRef(new Map<string, string>());
  const errors = useRef(new Map<string, string>());
  const hiddenErrors = useRef(new Map<string, string>());
  const version = useRef(0);
  const inFlight = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const active = useRef(true);

  const serverEntry = useRef<(place: Omit<CellPlace, 'kind' | 'row'>) => CellEntry | undefined>(
    () => undefined,
  );
  serverEntry.current = (place) =>
    declaration?.forms[place.form]?.[place.occurrence]?.[place.cell.code];

  const accept = useCallback((next: DeclarationDetail) => {
    version.current = next.version;
    setDeclaration(next);
  }, []);

  const load = useCallback(async () => {
    const [detail, editor] = await Promise.all([getDeclaration(id), getDeclarationEditor(id)]);
    if (!active.current) return;
    accept(detail);
    setLayout(editor);
    setLoadError(null);
  }, [id, accept]);

  useEffect(() => {
    active.current = true;
    load().catch((caught: unknown) => active.current && setLoadError(errorText(caught)));
    return () => {
      active.current = false;
      window.clearTimeout(timer.current);
    };
  }, [load]);

  // Leaving the page with changes not yet saved asks the browser's confirmation.
  const unsaved = saveState === 'waiting' || saveState === 'saving' || saveState === 'failed';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const showHiddenErrors = useCallback((inputId?: string) => {
    for (const [key, message] of hiddenErrors.current) {
      if (inputId !== undefined && key !== inputId) continue;
      errors.current.set(key, message);
      hiddenErrors.current.delete(key);
    }
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (!active.current) return;
    if (inFlight.current || pending.current.size === 0) return;
    const sent = [...pending.current].flatMap((key) => {
      const item = local.current.get(key);
      return item === undefined ? [] : [{ key, item }];
    });
    pending.current.clear();
    if (sent.length === 0) return;
    inFlight.current = true;
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
      if (!active.current) return;
      for (const { key, item } of sent) {
        if (local.current.get(key) === item && !pending.current.has(key)) local.current.delete(key);
      }
      inFlight.current = false;
      accept(next);
      setSaveState(pending.current.size > 0 ? 'waiting' : 'saved');
      if (pending.current.size > 0) void flush();
    } catch (caught) {
      inFlight.current = false;
      if (!active.current) return;
      if (hasErrorCode(caught, 'DECLARATION_CHANGED')) {
        local.current.clear();
        pending.current.clear();
        drafts.current.clear();
        errors.current.clear();
        hiddenErrors.current.clear();
        setSaveState('idle');
        setNotice(reloadedNotice);
        try {
          accept(await getDeclaration(id));
        } catch (reloadError) {
          if (active.current) setLoadError(errorText(reloadError));
        }
        return;
      }
      // Kept to be sent again with the next change or "Réessayer".
      for (const { key } of sent) pending.current.add(key);
      setSaveState('failed');
      const text = errorText(caught);
      setSaveError(
        text === null ? null : `Vos dernières saisies ne sont pas enregistrées. ${text}`,
      );
    }
  }, [id, accept]);

  const schedule = useCallback(
    (immediate: boolean) => {
      window.clearTimeout(timer.current);
      if (immediate) void flush();
      else {
        timer.current = window.setTimeout(() => {
          if (hiddenErrors.current.size > 0) {
            showHiddenErrors();
            rerender();
          }
          void flush();
        }, SAVE_DELAY_MS);
      }
    },
    [flush, showHiddenErrors],
  );

  /** The entry of a cell as the editor shows it: the local value if any, else the server's. */
  const entryOf = useCallback(
    (form: string, occurrence: number, cell: EditorCell): CellEntry | null | undefined => {
      const item = local.current.get(keyOf(form, occurrence, cell.code));
      return item !== undefined ? item.entry : serverEntry.current({ form, occurrence, cell });
    },
    [],
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
      if (!immediate) drafts.current.set(inputId, text);
      const parsed = parseCellInput(kind, text, cell.signed);
      if (!parsed.ok) {
        // Shown after the pause (or on leaving the field), not at the first keystroke.
        if (errors.current.has(inputId)) errors.current.set(inputId, parsed.message);
        else hiddenErrors.current.set(inputId, parsed.message);
        schedule(false);
        rerender();
        return;
      }
      errors.current.delete(inputId);
      hiddenErrors.current.delete(inputId);
      const current = entryOf(form, occurrence, cell);
      const next = cell.repeatable ? withRow(current, row ?? 0, parsed.value) : parsed.value;
      if (!sameEntry(next, current)) {
        const key = keyOf(form, occurrence, cell.code);
        local.current.set(key, { form, occurrence, code: cell.code, entry: next });
        pending.current.add(key);
        setSaveState((state) => (state === 'saving' ? state : 'waiting'));
        schedule(immediate);
      }
      rerender();
    },
    [entryOf, schedule],
  );

  /** Leaving an input: its refusal shown, its value formatted, the changes sent at once. */
  const leave = useCallback(
    (inputId: string) => {
      showHiddenErrors(inputId);
      if (!errors.current.has(inputId)) drafts.current.delete(inputId);
      void flush();
      rerender();
    },
    [flush, showHiddenErrors],
  );

  const retry = useCallback(() => void flush(), [flush]);

  /** Reads the declaration again (a transmission changed its status), unless edits are waiting. */
  const refresh = useCallback(async () => {
    const idle = () => !inFlight.current && pending.current.size === 0;
    if (!idle()) return;
    try {
      const next = await getDeclaration(id);
      if (active.current && idle()) accept(next);
    } catch (caught) {
      if (active.current) setLoadError(errorText(caught));
    }
  }, [id, accept]);

  const view = useMemo(
    () => ({
      draftOf: (inputId: string) => drafts.current.get(inputId),
      errorOf: (inputId: string) => errors.current.get(inputId),
    }),
    [],
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
