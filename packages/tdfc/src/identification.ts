// F-IDENTIF, the identification form sent with every declaration: reading its key facts and
// building a declaration whose F-IDENTIF is consistent with them.
import { regimeColumn } from './dictionary/regime';
import type { RegimeColumn, Taxation } from './dictionary/types';
import { millesimeOfExercise } from './exercise';
import {
  IDENTIFICATION_FORM,
  isNadValue,
  type CellEntry,
  type Declaration,
  type Exercise,
  type FormOccurrence,
  type NadValue,
} from './model';

/** F-IDENTIF codes of the key facts (edi-tdfc.md §2.7 and the 2025 dictionary labels). */
export const IDENTIF = {
  declarant: 'AA',
  naf: 'AB',
  category: 'BA',
  regime: 'BB',
  taxation: 'BC',
  cessation: 'BD',
  deposit: 'BF',
  start: 'CA',
  end: 'CB',
  currency: 'DA',
  rof: 'KD',
} as const;

/** The key facts F-IDENTIF holds; each undefined when absent or not of the expected type. */
export interface Identification {
  siren?: string;
  name?: string;
  category?: string;
  regime?: string;
  taxation?: Taxation;
  start?: string;
  end?: string;
  rof?: string;
  /** `NOR` normal deposit, `DPR` provisional. */
  deposit?: string;
  currency?: string;
}

const text = (entry: CellEntry | undefined): string | undefined =>
  typeof entry === 'string' ? entry : undefined;

/** The first F-IDENTIF occurrence, or undefined when the declaration has none. */
export function identificationForm(declaration: Declaration): FormOccurrence | undefined {
  return declaration.forms[IDENTIFICATION_FORM]?.[0];
}

/** Reads régime, taxation, SIREN, exercise, ROF… from F-IDENTIF (never throws). */
export function readIdentification(declaration: Declaration): Identification {
  const cells = identificationForm(declaration) ?? {};
  const declarant = cells[IDENTIF.declarant];
  const nad = declarant !== undefined && !Array.isArray(declarant) && isNadValue(declarant);
  const taxation = text(cells[IDENTIF.taxation]);
  const facts: Identification = {
    siren: nad ? declarant.id : undefined,
    name: nad ? declarant.name : undefined,
    category: text(cells[IDENTIF.category]),
    regime: text(cells[IDENTIF.regime]),
    taxation: taxation === 'IS' || taxation === 'IR' ? taxation : undefined,
    start: text(cells[IDENTIF.start]),
    end: text(cells[IDENTIF.end]),
    rof: text(cells[IDENTIF.rof]),
    deposit: text(cells[IDENTIF.deposit]),
    currency: text(cells[IDENTIF.currency]),
  };
  return Object.fromEntries(
    Object.entries(facts).filter(([, value]) => value !== undefined),
  ) as Identification;
}

/** The regime column (`IS-RS`…) F-IDENTIF selects, or undefined when a fact is missing. */
export function identificationColumn(identification: Identification): RegimeColumn | undefined {
  const { taxation, category, regime } = identification;
  return taxation && category && regime ? regimeColumn(taxation, category, regime) : undefined;
}

/**
 * Expected start of the ROF (référence d'obligation fiscale, F-IDENTIF KD) where it is known:
 * `IS…` at the IS, `BIC…` for BIC at the IR (edi-tdfc.md §2.10). Undefined = not checked.
 */
export function rofPrefix(taxation: Taxation, category: string): string | undefined {
  if (taxation === 'IS') return 'IS';
  return category === 'BI' ? 'BIC' : undefined;
}

/** The facts F-IDENTIF is built from (`newDeclaration`, the JSON import). */
export interface IdentificationFacts {
  siren: string;
  /** Name or company name of the declarant (F-IDENTIF AA). */
  name?: string;
  /** Address lines of the declarant (F-IDENTIF AA). */
  address?: Omit<NadValue, 'id' | 'name'>;
  exercise: Exercise;
  taxation?: Taxation;
  /** TCF category; `BI` (BIC/IS) by default. */
  category?: string;
  /** TRF régime: `RS`, `RN`… */
  regime?: string;
  /** ROF; by default `IS1` at the IS and `BIC1` for BIC at the IR (the company's first ROF). */
  rof?: string;
  /** A provisional deposit (BF `DPR`); normal (`NOR`) by default. */
  provisional?: boolean;
  /** Deposit currency, `EUR` by default. */
  currency?: string;
}

/** F-IDENTIF cells for the facts; a fact not given leaves its cell out (the validator says so). */
export function identificationCells(facts: IdentificationFacts): FormOccurrence {
  const category = facts.category ?? 'BI';
  const prefix = facts.taxation ? rofPrefix(facts.taxation, category) : undefined;
  const rof = facts.rof ?? (prefix ? `${prefix}1` : undefined);
  const declarant: NadValue = { id: facts.siren, ...(facts.name ? { name: facts.name } : {}) };
  const cells: FormOccurrence = {
    [IDENTIF.declarant]: { ...declarant, ...facts.address },
    [IDENTIF.category]: category,
  };
  if (facts.regime) cells[IDENTIF.regime] = facts.regime;
  if (facts.taxation) cells[IDENTIF.taxation] = facts.taxation;
  cells[IDENTIF.deposit] = facts.provisional ? 'DPR' : 'NOR';
  cells[IDENTIF.start] = facts.exercise.start;
  cells[IDENTIF.end] = facts.exercise.end;
  cells[IDENTIF.currency] = facts.currency ?? 'EUR';
  if (rof) cells[IDENTIF.rof] = rof;
  return cells;
}

/** What `newDeclaration` needs: the facts, with name, taxation and régime required. */
export interface NewDeclarationParams extends IdentificationFacts {
  name: string;
  taxation: Taxation;
  regime: string;
  /** By default the millésime of the exercise's closing date (`millesimeOfExercise`). */
  millesime?: string;
}

/** A declaration holding only its F-IDENTIF, filled consistently with the parameters. */
export function newDeclaration(params: NewDeclarationParams): Declaration {
  return {
    millesime: params.millesime ?? millesimeOfExercise(params.exercise.end),
    siren: params.siren,
    exercise: { ...params.exercise },
    forms: { [IDENTIFICATION_FORM]: [identificationCells(params)] },
  };
}
