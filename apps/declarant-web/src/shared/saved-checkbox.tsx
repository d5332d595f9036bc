// A setting shown as one checkbox in its own card, read when shown and saved as soon as it
// changes ("Mode test" of the firm, "Notifications" of the account): the box follows the click
// at once and goes back if the change is refused; one save at a time.
import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { errorText } from './errors';
import { ErrorAlert, Notice } from './alerts';
import { Loading } from './page';
import { useApiQuery } from './use-api-query';

interface SavedCheckboxProps {
  /** The card's heading and its id. */
  title: string;
  titleId: string;
  /** The checkbox's id, its label, and the hint under it (described by it) if any. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  queryKey: QueryKey;
  load: () => Promise<boolean>;
  /** Saves the value; answers the value saved. */
  save: (next: boolean) => Promise<boolean>;
  /** What is said once the value is saved. */
  savedNotice: (saved: boolean) => string;
  describeError?: (caught: unknown) => string | null;
}

/** The card with its checkbox, "Chargement…" until the value is read. */
export function SavedCheckbox(props: SavedCheckboxProps) {
  const { queryKey, describeError = errorText } = props;
  const client = useQueryClient();
  const setting = useApiQuery(queryKey, props.load);
  const [notice, setNotice] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: props.save,
    onMutate: (next) => {
      setNotice(null);
      client.setQueryData(queryKey, next);
    },
    onSuccess: (saved) => {
      client.setQueryData(queryKey, saved);
      setNotice(props.savedNotice(saved));
    },
    onError: (_caught, next) => client.setQueryData(queryKey, !next),
  });
  const error = mutation.error === null ? setting.error : describeError(mutation.error);
  const hintId = `${props.id}-aide`;
  const checkbox = setting.data !== undefined && (
    <input
      id={props.id}
      type="checkbox"
      checked={setting.data}
      aria-busy={mutation.isPending}
      aria-describedby={props.hint === undefined ? undefined : hintId}
      // The box stays focusable while saving (a disabled one would lose the focus).
      onChange={(event) => !mutation.isPending && mutation.mutate(event.target.checked)}
    />
  );

  return (
    <section className="card" aria-labelledby={props.titleId}>
      <h2 id={props.titleId}>{props.title}</h2>
      <Notice>{notice}</Notice>
      <ErrorAlert message={error} />
      {setting.data === undefined ? (
        error === null && <Loading />
      ) : props.hint === undefined ? (
        <div className="checkbox-field">
          {checkbox}
          <label htmlFor={props.id}>{props.label}</label>
        </div>
      ) : (
        <div className="checkbox-field">
          {checkbox}
          <div>
            <label htmlFor={props.id}>{props.label}</label>
            <p id={hintId} className="field-hint">
              {props.hint}
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
