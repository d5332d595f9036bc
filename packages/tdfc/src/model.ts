// The declaration model: one EDI-TDFC declaration (dépôt) as plain JSON-serializable data, the
// shape the declarant app stores, the validator checks and the INFENT-DF writer will render.
//
// Value of a cell, by the segment its dictionary entry names:
// | segment       | value                                                                        |
// |---------------|------------------------------------------------------------------------------|
// | MOA           | number, whole euros (an integer; negative only where the cell is signed)    |
// | QTY, PCD      | number (decimals allowed: average headcounts, percentages), never negative   |
// | CCI           | string, a value of the cell's table (`X` for a ticked box, `OUI`, `IS`…)     |
// | DTM 102       | string, ISO date `YYYY-MM-DD`                                                |
// | DTM 602       | number, a year (`2024`)                                                      |
// | DTM 801, 802  | number, a count of years (801) or months (802)                               |
// | DTM 718       | string, ISO interval `YYYY-MM-DD/YYYY-MM-DD`                                 |
// | FTX           | string, up to 5 lines separated by `\n`, 512 characters each (see TEXT_LIMITS) |
// | NAD           | object `NadValue`                                                            |
// | RFF, CPT      | string (a reference: ROF, NAF code, approval number…; an account id)         |
// | CUX           | string, ISO 4217 currency code (`EUR`)                                       |
//
// Strings hold only ISO-8859-15 characters (the UNOL character set of the interchange).

/** A name-and-address block (NAD segment): components of C082, C080, C059 and the city line. */
export interface NadValue {
  /** SIREN (9 digits) or SIRET (14 digits) in C082; F-IDENTIF AA must hold the declaration's SIREN. */
  id?: string;
  /** Name or company name, and two more name lines (C080 ×3: complement, legal form, title…). */
  name?: string;
  name2?: string;
  name3?: string;
  /** Street lines (C059 ×3): number, type and name of the street; complement; lieu-dit. */
  street?: string;
  complement?: string;
  locality?: string;
  city?: string;
  postcode?: string;
  /** ISO 3166-1 alpha-2 country code (`FR`). */
  country?: string;
  phone?: string;
}

/** One value of a cell (which type depends on the cell's segment, see the table above). */
export type CellValue = number | string | NadValue;

/**
 * What a form occurrence holds for one code: a single value, or for a repeatable cell a list of
 * values, one per row of the form's table. `null` leaves a row empty so that rows stay aligned
 * across the cells of one table (2033-F: the second partner has a birth date, the first not).
 */
export type CellEntry = CellValue | (CellValue | null)[];

/** One occurrence of a form: cell code → value(s). Codes absent = cells not filled. */
export type FormOccurrence = Record<string, CellEntry>;

/** An exercise (accounting period), both ends included, as ISO dates `YYYY-MM-DD`. */
export interface Exercise {
  start: string;
  end: string;
}

/**
 * One declaration: the liasse of one company (SIREN) for one exercise, in the forms of one
 * millésime. `forms` maps a form id (`F-IDENTIF`, `2065`, `2033A`…) to its occurrences; most
 * forms occur once. F-IDENTIF is a form like the others and repeats siren and exercise (AA, CA,
 * CB): the validator checks they agree. Occurrence and row numbers are array indexes (0-based);
 * EDIFACT numbers them from 1. The key order of `forms` means nothing (JavaScript lists
 * integer-like keys such as `2065` first): `cellsOf` gives the order of the campaign tables.
 */
export interface Declaration {
  /** Two digits: `25` for the forms published in 2025. */
  millesime: string;
  siren: string;
  exercise: Exercise;
  forms: Record<string, FormOccurrence[]>;
}

/** Identification form id. */
export const IDENTIFICATION_FORM = 'F-IDENTIF';

/**
 * Size limits of text values, from the EDIFACT D.00B directory of INFENT (the DGFiP's own limits
 * are in Volume IV, not available): FTX 4440 an..512 ×5, NAD names and address lines an..35,
 * postcode 3251 an..17, country 3207 an..3, RFF 1154 an..70, CPT 1147 an..35, CUX 6345 an..3.
 */
export const TEXT_LIMITS = {
  ftxLines: 5,
  ftxLineLength: 512,
  nadLine: 35,
  nadId: 35,
  postcode: 17,
  country: 3,
  phone: 512,
  rff: 70,
  cpt: 35,
} as const;

/** The values of an entry as a list (a single value is a list of one), `null` rows kept. */
export function entryValues(entry: CellEntry): (CellValue | null)[] {
  return Array.isArray(entry) ? entry : [entry];
}

/** True for a NAD object (as opposed to a number or string value). */
export function isNadValue(value: CellValue): value is NadValue {
  return typeof value === 'object' && value !== null;
}
