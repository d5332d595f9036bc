// Leaving the editor with changes not yet saved. Closing or reloading the tab asks the browser's
// confirmation; a link or "Précédent" inside Passerelle (React Router's blocker) waits for the
// save on its way, and asks only when the changes could not be saved.
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import type { SaveState } from './save-queue';

/** The question asked before leaving the editor with changes the server refused or never got. */
export const leaveUnsavedQuestion =
  'Vos dernières saisies ne sont pas enregistrées. Quitter la page quand même ?';

/** While changes are not saved, leaving the page waits for the save or asks first. */
export function useUnsavedWarning(saveState: SaveState): void {
  const unsaved = saveState === 'waiting' || saveState === 'saving' || saveState === 'failed';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (!unsaved) blocker.proceed();
    else if (saveState === 'failed') {
      if (window.confirm(leaveUnsavedQuestion)) blocker.proceed();
      else blocker.reset();
    }
    // 'waiting' or 'saving': the save on its way ends soon, and this runs again then.
  }, [blocker, unsaved, saveState]);
}
