// "Ajouter un formulaire": the credit forms (2069-RCI…) and optional annexes the official forms
// table allows for the declaration's régime, as the server lists them; one is added empty.
import { useEffect, useId, useState } from 'react';
import type { AddableForm, DeclarationDetail } from '@passerelle/contracts';
import { addDeclarationForm, getAddableForms } from '../../api/endpoints';
import { ErrorAlert } from '../../shared/alerts';
import { errorText } from '../../shared/errors';
import { useAction } from '../../shared/use-action';

interface AddFormControlProps {
  declaration: DeclarationDetail;
  /** The declaration with the form added: the editor shows it and reads its layout again. */
  onAdded: (next: DeclarationDetail, name: string) => void;
}

/** The option text: Cerfa name, and a word when the campaign's labels do not cover it yet. */
export const addableFormText = (form: AddableForm): string =>
  form.labelled ? form.name : `${form.name} (cases sans libellé)`;

export function AddFormControl({ declaration, onAdded }: AddFormControlProps) {
  const selectId = useId();
  const [forms, setForms] = useState<AddableForm[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState('');
  const { id, version } = declaration;

  useEffect(() => {
    let live = true;
    getAddableForms(id).then(
      (list) => live && setForms(list),
      (caught: unknown) => live && setLoadError(errorText(caught)),
    );
    return () => {
      live = false;
    };
  }, [id, version]);

  const add = useAction(async (form: string) => {
    const next = await addDeclarationForm(id, { version, form });
    setChosen('');
    onAdded(next, forms?.find((item) => item.id === form)?.name ?? form);
  });

  if (forms === null || forms.length === 0) return <ErrorAlert message={loadError} />;
  return (
    <form
      className="card add-form"
      aria-labelledby={`${selectId}-titre`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen !== '') add.run(chosen);
      }}
    >
      <h2 id={`${selectId}-titre`}>Ajouter un formulaire</h2>
      <ErrorAlert message={add.error ?? loadError} />
      <div className="field">
        <label htmlFor={selectId}>Formulaire prévu pour ce régime</label>
        <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
          <option value="">Choisissez un formulaire…</option>
          {forms.map((form) => (
            <option key={form.id} value={form.id}>
              {addableFormText(form)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="button"
        disabled={add.busy || chosen === ''}
        aria-busy={add.busy}
      >
        {add.busy ? 'Ajout…' : 'Ajouter un formulaire'}
      </button>
    </form>
  );
}
