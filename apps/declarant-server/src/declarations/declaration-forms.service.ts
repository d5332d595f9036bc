// The forms a user adds to a declaration (credit forms, optional annexes): only those the
// official forms table allows for the régime its F-IDENTIF declares.
import type { AddableForms, AddFormRequest, DeclarationDetail } from '@passerelle/contracts';
import { addableForms, readIdentification, type Declaration } from '@passerelle/tdfc';
import { AppError } from '@passerelle/server-kit';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import {
  declarationOf,
  dictionariesFor,
  requireDeclaration,
  requireEditable,
  saveEdited,
} from './declarations.service';

async function addableOf(ctx: AppContext, declaration: Declaration) {
  const { taxation, category, regime } = readIdentification(declaration);
  if (!taxation || !category || !regime) {
    throw new AppError(
      'VALIDATION_ERROR',
      'Le régime de la déclaration (F-IDENTIF, cases BA, BB et BC) est incomplet : aucun formulaire ne peut être proposé.',
    );
  }
  const served = await dictionariesFor(ctx, declaration.millesime);
  return addableForms(
    served.combined,
    declaration.millesime,
    { taxation, category, regime },
    Object.keys(declaration.forms),
  );
}

/** The forms the declaration's régime allows to add, in the forms table's order. */
export async function addableFormsOf(ctx: AppContext, id: string): Promise<AddableForms> {
  const row = await requireDeclaration(ctx, id);
  return { forms: await addableOf(ctx, declarationOf(row)) };
}

/** Adds one empty occurrence of an addable form, then validates and saves. */
export async function addForm(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: AddFormRequest,
): Promise<DeclarationDetail> {
  const row = await requireEditable(ctx, id, input.version);
  const declaration = declarationOf(row);
  const form = (await addableOf(ctx, declaration)).find((item) => item.id === input.form);
  if (!form) {
    throw new AppError(
      'VALIDATION_ERROR',
      `Le formulaire ${input.form} ne peut pas être ajouté : il est déjà dans la déclaration ou n’est pas prévu pour son régime.`,
      { field: 'form' },
    );
  }
  (declaration.forms[form.id] ??= []).push({});
  return saveEdited(ctx, caller, row, declaration);
}
