// Moving the focus to an element the next render shows (a cell of another tab, a tab reached by
// the keyboard), scrolled into view.
import { useEffect, useState } from 'react';

/** Returns `focus(id)`: after the render it causes, the element `id` gets the focus. */
export function useFocusTarget(): (id: string) => void {
  // An object each time: the same id asked twice focuses twice.
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (target === null) return;
    const element = document.getElementById(target.id);
    if (element !== null) {
      element.focus();
      element.scrollIntoView?.({ block: 'center' });
    }
  }, [target]);
  return (id: string) => setTarget({ id });
}
