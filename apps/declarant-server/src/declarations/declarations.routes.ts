import { declarantApi } from '@passerelle/contracts';
import type { DeclarantRoutes } from '../http/feature-routes';
import { declarationTable, editorLayout } from './declaration-layout';
import { registerInfentImport } from './import-infent';
import { registerJsonImport } from './import-json';
import { declarationInterchange } from './interchange.service';
import { declarationPdf } from './pdf/declaration-pdf.service';
import {
  createEditorDeclaration,
  declarationDetail,
  declarationOf,
  declarationPage,
  dictionariesFor,
  requireDeclaration,
  updateCells,
} from './declarations.service';

const api = declarantApi.declarations;

/** Declarations of the dossiers: list, creation for the editor, the editor's changes, views. */
export function registerDeclarationsRoutes(routes: DeclarantRoutes) {
  const { route, ctx } = routes;
  route(api.list, async ({ query }) => declarationPage(ctx, query));

  route(api.ofDossier, async ({ params, query }) => declarationPage(ctx, query, params.id));

  route(api.create, async ({ caller, params, body, request }) => ({
    declaration: await createEditorDeclaration(ctx, caller, params.id, body.exerciseId, request.ip),
  }));

  registerJsonImport(routes);
  registerInfentImport(routes);

  route(api.get, async ({ params }) => ({ declaration: await declarationDetail(ctx, params.id) }));

  route(api.updateCells, async ({ caller, params, body }) => ({
    declaration: await updateCells(ctx, caller, params.id, body),
  }));

  route(api.editor, async ({ params }) => {
    const declaration = declarationOf(await requireDeclaration(ctx, params.id));
    const { combined } = await dictionariesFor(ctx, declaration.millesime);
    return editorLayout(combined, declaration);
  });

  route(api.interchange, async ({ caller, params, reply }) => {
    const { filename, bytes } = await declarationInterchange(ctx, caller, params.id);
    return reply
      .type('application/edifact')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(Buffer.from(bytes));
  });

  route(api.pdf, async ({ caller, params, reply }) => {
    const { filename, bytes } = await declarationPdf(ctx, caller, params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(bytes);
  });

  route(api.table, async ({ params }) => {
    const declaration = declarationOf(await requireDeclaration(ctx, params.id));
    const { combined } = await dictionariesFor(ctx, declaration.millesime);
    return declarationTable(combined, declaration);
  });
}
