// What every rule family receives, and how a rule names a cell of the declaration.
import type { FormDefinition, RegimeColumn, TdfcDictionary } from '../dictionary/types';
import type { Identification } from '../identification';
import { entryValues, type CellEntry, type Declaration, type FormOccurrence } from '../model';
import type { Place } from './anomaly';

/** The declaration with what the rules look up again and again. */
export interface ValidationContext {
  dictionary: TdfcDictionary;
  declaration: Declaration;
  identification: Identification;
  /** Regime column F-IDENTIF selects (`IS-RS`…), undefined when a fact is missing. */
  column?: RegimeColumn;
  /** The declared forms the dictionary knows, with their occurrences, F-IDENTIF then table order. */
  forms: readonly { form: FormDefinition; occurrences: readonly FormOccurrence[] }[];
}

/** The place of a cell (or of a whole form when `code` is omitted), with its label. */
export function placeOf(
  context: ValidationContext,
  formId: string,
  formOccurrence?: number,
  code?: string,
  valueIndex?: number,
): Place {
  const { dictionary, declaration } = context;
  const place: Place = {
    form: formId,
    severalOccurrences: (declaration.forms[formId]?.length ?? 0) > 1,
  };
  if (formOccurrence !== undefined) place.formOccurrence = formOccurrence;
  if (code !== undefined) {
    const cell = dictionary.cell(declaration.millesime, formId, code);
    place.code = code;
    place.label = cell?.label ?? code;
    place.repeatable = cell?.repeatable ?? false;
  }
  if (valueIndex !== undefined) place.valueIndex = valueIndex;
  return place;
}

/** True when an entry holds at least one value (not only empty rows). */
export function isFilled(entry: CellEntry | undefined): boolean {
  return entry !== undefined && entryValues(entry).some((value) => value !== null);
}

/** The single number of an entry, or undefined (absent, a list, or not a number). */
export function numberOf(entry: CellEntry | undefined): number | undefined {
  return typeof entry === 'number' ? entry : undefined;
}
