// The liasse editor's state: the declaration and its layout, what the user typed (cell-edits.ts)
// and the live validation; the changes are saved by the save queue (use-save-queue.ts), whose
// answers bring the anomalies and the status shown.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { DeclarationDetail, EditorLayout } from '@passerelle/contracts';
import { getDeclaration, getDeclarationEditor } from '../../api/endpoints';
import { errorText } from '../../shared/errors';
import { CellEdits } from './cell-edits';
import type { CellEntry, CellPlace, EditorCell } from './declaration-cells';
import { applyCellInput } from './apply-cell-input';
import { reloadedNotice } from './declaration-labels';
import { useSaveQueue } from './use-save-queue';

/** Loads the declaration `id` and manages its editing. */
export function useDeclarationEditor(id: string) {
  const [declaration, setDeclaration] = useState<DeclarationDetail | null>(null);
  const [layout, setLayout] = useState<EditorLayout | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Local edits live in an object (read by timers and callbacks); `rerender` shows them.
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const [edits] = useState(() => new CellEdits());
  const mounted = useRef(true);
  const shown = useRef(declaration);
  shown.current = declaration;

  const { queue, saveState, saveError } = useSaveQueue(id, edits, {
    onSaved: setDeclaration,
    onConflict: () => void reload(),
    onPause: () => {
      if (!edits.hasHiddenErrors) return;
      edits.showHiddenErrors();
      rerender();
    },
  });
  const accept = useCallback(
    (next: DeclarationDetail) => {
      queue.version = next.version;
      setDeclaration(next);
    },
    [queue],
  );
  const fail = (caught: unknown) => mounted.current && setLoadError(errorText(caught));

  useEffect(() => {
    mounted.current = true;
    Promise.all([getDeclaration(id), getDeclarationEditor(id)]).then(([detail, editor]) => {
      if (!mounted.current) return;
      accept(detail);
      setLayout(editor);
      setLoadError(null);
    }, fail);
    return () => void (mounted.current = false);
  }, [id, accept]);

  /** The declaration changed elsewhere: the edits are dropped and it is read again. */
  async function reload() {
    edits.clear();
    queue.reset();
    setNotice(reloadedNotice);
    await getDeclaration(id).then((next) => mounted.current && accept(next), fail);
  }

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

  /** What the user typed or chose in one input (apply-cell-input.ts), then saved. */
  const edit = useCallback(
    (place: CellPlace, text: string) => {
      const current = entryOf(place.form, place.occurrence, place.cell);
      const outcome = applyCellInput(edits, place, text, current);
      if (outcome !== 'same') {
        if (outcome !== 'refused') queue.markWaiting();
        queue.schedule(outcome === 'sent-now');
      }
      rerender();
    },
    [entryOf, queue, edits],
  );

  /** Leaving an input: its refusal shown, its value formatted, the changes sent at once. */
  const leave = useCallback(
    (inputId: string) => {
      edits.leave(inputId);
      void queue.flush();
      rerender();
    },
    [queue, edits],
  );

  const retry = useCallback(() => void queue.flush(), [queue]);

  /** A form was added: the server's answer is shown and the layout read again. */
  const replace = useCallback(
    async (next: DeclarationDetail) => {
      accept(next);
      try {
        const nextLayout = await getDeclarationEditor(id);
        if (mounted.current) setLayout(nextLayout);
      } catch (caught) {
        if (mounted.current) setLoadError(errorText(caught));
      }
    },
    [id, accept],
  );

  /** Reads the declaration again (a transmission changed its status), unless edits are waiting. */
  const refresh = useCallback(async () => {
    if (!queue.idle) return;
    await getDeclaration(id).then((next) => mounted.current && queue.idle && accept(next), fail);
  }, [id, accept, queue]);

  const [view] = useState(() => ({
    draftOf: (inputId: string) => edits.draftOf(inputId),
    errorOf: (inputId: string) => edits.errorOf(inputId),
  }));

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
    replace,
    ...view,
  };
}
