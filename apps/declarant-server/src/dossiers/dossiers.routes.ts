import { declarantApi } from '@passerelle/contracts';
import type { DeclarantRoutes } from '../http/feature-routes';
import {
  addExercise,
  createDossier,
  dossierPage,
  dossierView,
  updateDossierIdentity,
} from './dossiers.service';

const api = declarantApi.dossiers;

/** Dossiers (client companies) and their exercises: every active user of the firm. */
export function registerDossiersRoutes({ route, ctx }: DeclarantRoutes) {
  route(api.list, async ({ query }) => dossierPage(ctx, query));

  route(api.create, async ({ caller, body, request }) => ({
    dossier: await createDossier(ctx, caller, body, request.ip),
  }));

  route(api.get, async ({ params }) => ({ dossier: await dossierView(ctx, params.id) }));

  route(api.update, async ({ caller, params, body, request }) => ({
    dossier: await updateDossierIdentity(ctx, caller, params.id, body, request.ip),
  }));

  route(api.addExercise, async ({ caller, params, body, request }) => ({
    dossier: await addExercise(ctx, caller, params.id, body, request.ip),
  }));
}
