import { declarantApi } from '@passerelle/contracts';
import type { DeclarantRoutes } from '../http/feature-routes';
import { addForm, addableFormsOf } from './declaration-forms.service';

const api = declarantApi.declarationForms;

/** The forms a declaration's régime allows to add, and adding one. */
export function registerDeclarationFormsRoutes({ route, ctx }: DeclarantRoutes) {
  route(api.addable, async ({ params }) => addableFormsOf(ctx, params.id));
  route(api.add, async ({ caller, params, body }) => ({
    declaration: await addForm(ctx, caller, params.id, body),
  }));
}
