// The tabs of the liasse editor (role="tablist"): one per form with its number of errors; the
// arrows, Home and End move between them (the selected one alone is in the tab order).
import type { KeyboardEvent } from 'react';
import type { EditorLayout } from '@passerelle/contracts';
import { formTabLabel } from './declaration-labels';

/** The id of a form's tab. */
export const tabId = (form: string) => `onglet-${form}`;

interface FormTabsProps {
  forms: EditorLayout['forms'];
  selected: string;
  errorsByForm: ReadonlyMap<string, number>;
  onSelect: (form: string) => void;
  /** A tab reached by the keyboard: it is selected, and its id is to be focused. */
  onKeyboardSelect: (form: string, tab: string) => void;
}

/** The tab list of the forms. */
export function FormTabs({
  forms,
  selected,
  errorsByForm,
  onSelect,
  onKeyboardSelect,
}: FormTabsProps) {
  function handleKey(event: KeyboardEvent<HTMLButtonElement>, index: number): void {
    const moves: Partial<Record<string, number>> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: forms.length - 1,
    };
    const wanted = moves[event.key];
    if (wanted === undefined) return;
    event.preventDefault();
    const next = forms[(wanted + forms.length) % forms.length];
    if (next === undefined) return;
    onKeyboardSelect(next.id, tabId(next.id));
  }

  return (
    <div className="tabs" role="tablist" aria-label="Formulaires de la liasse">
      {forms.map((form, index) => {
        const isSelected = form.id === selected;
        const errors = errorsByForm.get(form.id) ?? 0;
        return (
          <button
            key={form.id}
            type="button"
            role="tab"
            id={tabId(form.id)}
            className="tab"
            aria-selected={isSelected}
            aria-controls={isSelected ? `panneau-${form.id}` : undefined}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(form.id)}
            onKeyDown={(event) => handleKey(event, index)}
          >
            <span className="tab-label">{formTabLabel(form)}</span>
            {errors > 0 && (
              <span className="tab-count">
                <span aria-hidden="true">{errors}</span>
                <span className="visually-hidden">
                  {`, ${errors} ${errors === 1 ? 'erreur' : 'erreurs'}`}
                </span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
