import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createDeclarationRequest,
  listDeclarationsQuery,
  updateCellsRequest,
  type DeclarationTable,
  type EditorLayout,
} from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';
import { declarationTable, editorLayout } from './declaration-layout';
import { registerInfentImport } from './import-infent';
import { registerJsonImport } from './import-json';
import { declarationInterchange } from './interchange.service';
import {
  createEditorDeclaration,
  declarationDetail,
  declarationOf,
  declarationPage,
  dictionary,
  requireDeclaration,
  updateCells,
} from './declarations.service';

const idParams = z.object({ id: z.uuid({ error: 'Élément introuvable.' }) });

/** Declarations of the dossiers: list, creation for the editor, the editor's changes, views. */
export function registerDeclarationsRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  guard: SessionGuard,
) {
  app.get('/api/declarations', async (request) => {
    await guard.requireUser(request);
    return declarationPage(ctx, parseInput(listDeclarationsQuery, request.query));
  });

  app.get('/api/dossiers/:id/declarations', async (request) => {
    await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    return declarationPage(ctx, parseInput(listDeclarationsQuery, request.query), id);
  });

  app.post('/api/dossiers/:id/declarations', async (request, reply) => {
    const caller = await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    const input = parseInput(createDeclarationRequest, request.body);
    const declaration = await createEditorDeclaration(
      ctx,
      caller,
      id,
      input.exerciseId,
      request.ip,
    );
    return reply.code(201).send({ declaration });
  });

  registerJsonImport(app, ctx, guard);
  registerInfentImport(app, ctx, guard);

  app.get('/api/declarations/:id', async (request) => {
    await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    return { declaration: await declarationDetail(ctx, id) };
  });

  app.patch('/api/declarations/:id/cells', async (request) => {
    const caller = await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    const input = parseInput(updateCellsRequest, request.body);
    return { declaration: await updateCells(ctx, caller, id, input) };
  });

  app.get('/api/declarations/:id/editor', async (request): Promise<EditorLayout> => {
    await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    const row = await requireDeclaration(ctx, id);
    return editorLayout(dictionary(), declarationOf(row));
  });

  app.get('/api/declarations/:id/interchange', async (request, reply) => {
    const caller = await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    const { filename, bytes } = await declarationInterchange(ctx, caller, id);
    return reply
      .type('application/edifact')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(Buffer.from(bytes));
  });

  app.get('/api/declarations/:id/table', async (request): Promise<DeclarationTable> => {
    await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    const row = await requireDeclaration(ctx, id);
    return declarationTable(dictionary(), declarationOf(row));
  });
}
