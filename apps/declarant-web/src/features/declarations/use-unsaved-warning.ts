// Leaving the page with changes not yet saved asks the browser's confirmation.
import { useEffect } from 'react';

/** While `unsaved`, closing or reloading the tab asks first. */
export function useUnsavedWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
