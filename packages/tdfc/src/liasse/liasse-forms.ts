// The forms a new declaration starts with, and the forms a user may add to it, both read through
// the official forms table (`dictionary.formsFor`).
import { formDisplayName } from '../dictionary/form-name';
import type { TdfcDictionary } from '../dictionary/types';
import { IDENTIFICATION_FORM } from '../model';
import { liasseCaseOf } from './regimes';

export interface LiasseFacts {
  taxation: 'IS' | 'IR';
  category: string;
  regime: string;
}

const allowedIds = (dictionary: TdfcDictionary, millesime: string, facts: LiasseFacts) =>
  dictionary.formsFor(millesime, facts.taxation, facts.category, facts.regime);

/**
 * The main return and annexes of the case (`LIASSE_CASES`), each kept only when the campaign
 * allows it for these facts; for a case the table does not list (BA, RF-TR…), the one main return
 * the forms table allows, if there is exactly one.
 */
export function liasseForms(
  dictionary: TdfcDictionary,
  millesime: string,
  facts: LiasseFacts,
): string[] {
  const allowed = allowedIds(dictionary, millesime, facts);
  const ids = new Set(allowed.map((form) => form.id));
  const known = liasseCaseOf(facts);
  if (known) return [known.main, ...known.annexes].filter((id) => ids.has(id));
  const [main, ...others] = allowed.filter((form) => form.mainReturn);
  return main && others.length === 0 ? [main.id] : [];
}

/** A form the user may add: its id, Cerfa name, and whether its cells have labels. */
export interface AddableForm {
  id: string;
  name: string;
  labelled: boolean;
  repeatable: boolean;
}

/**
 * The forms of the liasse (document IDF) the table allows for these facts that the declaration
 * does not hold yet (a repeatable form is always addable), in table order: credit forms
 * (2069-RCI…), optional annexes (2065-BIS, 2031-BIS, 2036-BIS…). Never F-IDENTIF nor a main
 * return (one per declaration). At most the size of the forms table (about 100).
 */
export function addableForms(
  dictionary: TdfcDictionary,
  millesime: string,
  facts: LiasseFacts,
  present: readonly string[],
): AddableForm[] {
  const held = new Set(present);
  return allowedIds(dictionary, millesime, facts)
    .filter((form) => form.id !== IDENTIFICATION_FORM && !form.mainReturn)
    .filter((form) => form.repeatable || !held.has(form.id))
    .map((form) => ({
      id: form.id,
      name: formDisplayName(form.id),
      labelled: dictionary.cells(millesime, form.id).some((cell) => cell.label !== cell.code),
      repeatable: form.repeatable,
    }));
}
