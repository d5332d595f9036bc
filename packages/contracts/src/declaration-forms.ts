import { z } from 'zod';

// The forms of a declaration's liasse a user may add (issue #16 §4): the credit forms
// (2069-RCI…) and optional annexes the official forms table allows for the declaration's régime.

/** One addable form: EDI id, Cerfa name, and whether the campaign's labels cover its cells. */
export const addableFormSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** False when no cell has a label yet: the editor shows codes, segment kinds and expected values. */
  labelled: z.boolean(),
  /** The form may occur several times (one occurrence is added each time). */
  repeatable: z.boolean(),
});
export type AddableForm = z.infer<typeof addableFormSchema>;

/**
 * `GET /api/declarations/:id/addable-forms`: bounded by the forms table (about 100 forms of the
 * liasse per régime), so one answer, in table order.
 */
export const addableFormsSchema = z.object({ forms: z.array(addableFormSchema) });
export type AddableForms = z.infer<typeof addableFormsSchema>;

/** `POST /api/declarations/:id/forms`: adds one empty occurrence of an addable form. */
export const addFormRequest = z.object({
  version: z.number({ error: 'Version manquante.' }).int(),
  form: z
    .string({ error: 'Choisissez un formulaire.' })
    .regex(/^[A-Z0-9-]{1,10}$/, { error: 'Formulaire invalide.' }),
});
export type AddFormRequest = z.input<typeof addFormRequest>;
