import type { FastifyInstance } from 'fastify';
import { declarantApi } from '@passerelle/contracts';
import { routeRegistrar } from '@passerelle/server-kit';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';
import { addForm, addableFormsOf } from './declaration-forms.service';

const api = declarantApi.declarationForms;

/** The forms a declaration's régime allows to add, and adding one. */
export function registerDeclarationFormsRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  guard: SessionGuard,
) {
  const route = routeRegistrar(app, guard.authorize);
  route(api.addable, async ({ params }) => addableFormsOf(ctx, params.id));
  route(api.add, async ({ caller, params, body }) => ({
    declaration: await addForm(ctx, caller, params.id, body),
  }));
}
