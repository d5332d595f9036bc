import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dossierInput, exerciseInput, listDossiersQuery } from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';
import {
  addExercise,
  createDossier,
  dossierPage,
  dossierView,
  updateDossierIdentity,
} from './dossiers.service';

const idParams = z.object({ id: z.uuid({ error: 'Dossier introuvable.' }) });

/** Dossiers (client companies) and their exercises: every active user of the firm. */
export function registerDossiersRoutes(app: FastifyInstance, ctx: AppContext, guard: SessionGuard) {
  app.get('/api/dossiers', async (request) => {
    await guard.requireUser(request);
    return dossierPage(ctx, parseInput(listDossiersQuery, request.query));
  });

  app.post('/api/dossiers', async (request, reply) => {
    const caller = await guard.requireUser(request);
    const input = parseInput(dossierInput, request.body);
    return reply.code(201).send({ dossier: await createDossier(ctx, caller, input, request.ip) });
  });

  app.get('/api/dossiers/:id', async (request) => {
    await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    return { dossier: await dossierView(ctx, id) };
  });

  app.put('/api/dossiers/:id', async (request) => {
    const caller = await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    const input = parseInput(dossierInput, request.body);
    return { dossier: await updateDossierIdentity(ctx, caller, id, input, request.ip) };
  });

  app.post('/api/dossiers/:id/exercises', async (request, reply) => {
    const caller = await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    const input = parseInput(exerciseInput, request.body);
    return reply.code(201).send({ dossier: await addExercise(ctx, caller, id, input, request.ip) });
  });
}
