// Form state: values, client-side zod validation, one request in flight at a time (an action),
// errors.
import { useEffect, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type { z } from 'zod';
import { formErrorsFromApi, formErrorsFromIssues, noErrors } from './errors';
import type { FieldForCode, FormErrors } from './errors';
import { useAction } from './use-action';

interface FormOptions<K extends string, S extends z.ZodType> {
  /** Prefix of the inputs' ids (`<id>-<field>`), unique on the page. */
  id: string;
  /** The contract's request schema, checked before sending. */
  schema: S;
  initial: Record<K, string>;
  fieldForCode?: FieldForCode;
}

/** What `<TextField>` / `<SelectField>` need for one field. */
export interface FieldBinding {
  id: string;
  name: string;
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
}

/** Manages one form whose values are validated by `schema` then sent by the submit handler. */
export function useForm<K extends string, S extends z.ZodType>(options: FormOptions<K, S>) {
  const { id, schema, initial, fieldForCode } = options;
  const names = Object.keys(initial) as K[];
  const [values, setValues] = useState<Record<K, string>>(initial);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const sending = useAction(
    (submit: () => Promise<void>) => submit(),
    (error) => setErrors(formErrorsFromApi(error, names, fieldForCode)),
  );

  useEffect(() => {
    const first = names.find((name) => errors.fields[name] !== undefined);
    if (first !== undefined) document.getElementById(`${id}-${first}`)?.focus();
    // Runs only when new errors arrive: moves focus to the first field to correct.
  }, [errors]);

  function field(name: K): FieldBinding {
    return {
      id: `${id}-${name}`,
      name,
      value: values[name],
      error: errors.fields[name],
      onChange: (event) => setValues((previous) => ({ ...previous, [name]: event.target.value })),
    };
  }

  function handleSubmit(send: (data: z.output<S>) => Promise<void>, extra: object = {}) {
    return (event: FormEvent<HTMLFormElement>): void => {
      event.preventDefault();
      if (sending.busy) return;
      const parsed = schema.safeParse({ ...values, ...extra });
      if (!parsed.success) {
        setErrors(formErrorsFromIssues(parsed.error.issues, names));
        return;
      }
      setErrors(noErrors);
      sending.run(() => send(parsed.data));
    };
  }

  function reset(): void {
    setValues(initial);
    setErrors(noErrors);
  }

  return { values, errors, busy: sending.busy, field, handleSubmit, reset };
}
