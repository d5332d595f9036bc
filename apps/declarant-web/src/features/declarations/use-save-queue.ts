// The save queue (save-queue.ts) of one editor, as React state: its indicator and error text.
import { useEffect, useRef, useState } from 'react';
import type { DeclarationDetail } from '@passerelle/contracts';
import { updateDeclarationCells } from '../../api/endpoints';
import { errorText, hasErrorCode } from '../../shared/errors';
import type { CellEdits } from './cell-edits';
import { SaveQueue, type SaveState } from './save-queue';
import { useUnsavedWarning } from './use-unsaved-warning';

interface SaveHandlers {
  onSaved: (next: DeclarationDetail) => void;
  onConflict: () => void;
  onPause: () => void;
}

/** The queue saving `edits` to declaration `id`; warns before leaving with unsaved changes. */
export function useSaveQueue(id: string, edits: CellEdits, handlers: SaveHandlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  const [status, setStatus] = useState<{ saveState: SaveState; saveError: string | null }>({
    saveState: 'idle',
    saveError: null,
  });
  const [queue] = useState(
    () =>
      new SaveQueue<DeclarationDetail>(edits, {
        send: (request) => updateDeclarationCells(id, request),
        onSaved: (next) => latest.current.onSaved(next),
        onConflict: () => latest.current.onConflict(),
        onPause: () => latest.current.onPause(),
        onState: (saveState, saveError) => setStatus({ saveState, saveError }),
        isConflict: (caught) => hasErrorCode(caught, 'DECLARATION_CHANGED'),
        errorText,
      }),
  );
  useEffect(() => () => queue.stop(), [queue]);
  const { saveState } = status;
  useUnsavedWarning(saveState);
  return { queue, ...status };
}
