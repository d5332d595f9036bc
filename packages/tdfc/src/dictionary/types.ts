// The campaign dictionary as the rest of the package sees it: forms, cells (data items), value
// tables and labels of one EDI-TDFC campaign, parsed from the DGFiP structure tables.

/** The campaigns whose tables ship in `data/`. */
export const CAMPAIGNS = ['2025'] as const;
export type Campaign = (typeof CAMPAIGNS)[number];

/** EDIFACT segment carrying a cell's value (column 15–17 of the data table). */
export const SEGMENTS = [
  'MOA',
  'CCI',
  'NAD',
  'FTX',
  'DTM',
  'QTY',
  'PCD',
  'RFF',
  'CPT',
  'CUX',
] as const;
export type Segment = (typeof SEGMENTS)[number];

/**
 * Date format code of a DTM cell: 102 CCYYMMDD, 602 CCYY, 718 a date range, 801 a number of
 * years, 802 a number of months.
 */
export const DATE_FORMATS = ['102', '602', '718', '801', '802'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/**
 * A regime column of the forms table, written `<IS or category>-<régime>`: `IS-RS`, `BI-RN`,
 * `BC-DC`, `RF-72`, `FL-CV`… (see `regimeColumn`).
 */
export type RegimeColumn = string;

/** One form of one millésime (one line of `tdfcAAf.edi`). */
export interface FormDefinition {
  id: string;
  millesime: string;
  /** Column 13 `X`: the form may occur several times in one declaration. */
  repeatable: boolean;
  /** Column 14 `R`: the main return of its regimes (2031, 2035, 2036, 2065, 2072S, 2139, 2143). */
  mainReturn: boolean;
  /** Column 15 `S`: the form has amounts that may be negative. */
  signedAmounts: boolean;
  /** Column 16: a one-letter flow code (`R` on F-IDENTIF, `A` 1330CVAE…), meaning not documented. */
  flowCode?: string;
  /** Document codes the form belongs to (`IDF` = liasse fiscale, `CVA`, `ILF`, `CRM`…). */
  docCodes: readonly string[];
  /** Regime columns where the form is allowed; empty = not restricted (F-IDENTIF, OGA forms). */
  allowedIn: ReadonlySet<RegimeColumn>;
  /** Code of the "déposé néant" box, when known (ticked to send the form empty). */
  neantCode?: string;
  /** Cell codes in data-table order. */
  cellCodes: readonly string[];
}

/** One cell (data item) of a form and millésime (one line of `tdfcAAd.edi`). */
export interface CellDefinition {
  form: string;
  millesime: string;
  code: string;
  segment: Segment;
  /** Column 18 or 19 `X`: the cell holds a list of values (rows of a table). */
  repeatable: boolean;
  /** Fixed segment qualifier (columns 20–21, trimmed): `RE`, `DT`, `NA`, `C2`, `4`… */
  qualifier?: string;
  /** Value table of a CCI cell (`TBX`, `TON`, `TCF`…). */
  table?: string;
  /** Date format of a DTM cell. */
  dateFormat?: DateFormat;
  /** Column 25 `S`: the amount may be negative. */
  signed: boolean;
  /** Column 25 when it holds something else than `S` (digits 1–7 on form 2258, meaning unknown). */
  marker?: string;
  /** French label from the labels files, whitespace collapsed; the code itself when unknown. */
  label: string;
}

/** One value table (code list) with the French label of each value. */
export interface ValueTable {
  name: string;
  values: ReadonlyMap<string, string>;
}

/** Fiscal facts that select the allowed forms (F-IDENTIF BA, BB, BC). */
export type Taxation = 'IS' | 'IR';

/** The parsed dictionary of one campaign. */
export interface TdfcDictionary {
  campaign: string;
  /** Millésimes covered, newest first (`['25', '24', '23']`). */
  millesimes: readonly string[];
  /** A form of a millésime, or undefined when the table has no such form. */
  form(millesime: string, formId: string): FormDefinition | undefined;
  /** Every form of a millésime, in table order. */
  forms(millesime: string): readonly FormDefinition[];
  /** A cell of a form, or undefined when unknown. */
  cell(millesime: string, formId: string, code: string): CellDefinition | undefined;
  /** Every cell of a form, in table order (empty for an unknown form). */
  cells(millesime: string, formId: string): readonly CellDefinition[];
  /** A value table, or undefined (`T1N` and `TFJ` are referenced but not published). */
  table(name: string): ValueTable | undefined;
  /**
   * The forms a declaration of this document type may hold for a taxation, category and régime:
   * forms of the document carrying the regime column, plus the unrestricted ones (F-IDENTIF).
   */
  formsFor(
    millesime: string,
    taxation: Taxation,
    category: string,
    regime: string,
    documentCode?: string,
  ): readonly FormDefinition[];
}
