import type { FastifyInstance } from 'fastify';
import { declarantApi } from '@passerelle/contracts';
import { routeRegistrar } from '@passerelle/server-kit';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';
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
  dictionary,
  requireDeclaration,
  updateCells,
} from './declarations.service';

const api = declarantApi.declarations;

/** Declarations of the dossiers: list, creation for the editor, the editor's changes, views. */
export function registerDeclarationsRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  guard: SessionGuard,
) {
  const route = routeRegistrar(app, guard.authorize);
  route(api.list, async ({ query }) => declarationPage(ctx, query));

  route(api.ofDossier, async ({ params, query }) => declarationPage(ctx, query, params.id));

  route(api.create, async ({ caller, params, body, request }) => ({
    declaration: await createEditorDeclaration(ctx, caller, params.id, body.exerciseId, request.ip),
  }));

  registerJsonImport(app, ctx, guard);
  registerInfentImport(app, ctx, guard);

  route(api.get, async ({ params }) => ({ declaration: await declarationDetail(ctx, params.id) }));

  route(api.updateCells, async ({ caller, params, body }) => ({
    declaration: await updateCells(ctx, caller, params.id, body),
  }));

  route(api.editor, async ({ params }) => {
    const row = await requireDeclaration(ctx, params.id);
    return editorLayout(dictionary(), declarationOf(row));
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
    const row = await requireDeclaration(ctx, params.id);
    return declarationTable(dictionary(), declarationOf(row));
  });
}
