import { z } from 'zod';
import {
  dossierInput,
  dossierPageSchema,
  dossierSchema,
  exerciseInput,
  firmSettingsSchema,
  listDossiersQuery,
  updateFirmSettingsRequest,
} from '../../dossiers';
import { defineEndpoint } from '../../endpoint';
import { ADMINISTRATOR, JSON_BODY, SIGNED_IN, idParams } from './common';

const dossierParams = idParams('Dossier introuvable.');
const dossierAnswer = z.object({ dossier: dossierSchema });

/** Dossiers (client companies), their exercises, and the firm's settings. */
export const dossiersEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/dossiers',
    summary: 'Une page des dossiers du cabinet par nom (d’une recherche quand q est donné)',
    access: 'user',
    query: listDossiersQuery,
    response: dossierPageSchema,
    errors: [...SIGNED_IN, 'VALIDATION_ERROR'],
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/dossiers',
    summary: 'Crée un dossier',
    access: 'user',
    body: dossierInput,
    status: 201,
    response: dossierAnswer,
    errors: [...JSON_BODY, ...SIGNED_IN, 'SIREN_TAKEN', 'EXERCISE_OVERLAP'],
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/dossiers/:id',
    summary: 'Un dossier et ses exercices',
    access: 'user',
    params: dossierParams,
    response: dossierAnswer,
    errors: [...SIGNED_IN, 'VALIDATION_ERROR', 'NOT_FOUND'],
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/dossiers/:id',
    summary: 'Change l’identité d’un dossier',
    access: 'user',
    params: dossierParams,
    body: dossierInput,
    response: dossierAnswer,
    errors: [...JSON_BODY, ...SIGNED_IN, 'NOT_FOUND', 'SIREN_TAKEN'],
  }),
  addExercise: defineEndpoint({
    method: 'POST',
    path: '/api/dossiers/:id/exercises',
    summary: 'Ajoute un exercice au dossier',
    access: 'user',
    params: dossierParams,
    body: exerciseInput,
    status: 201,
    response: dossierAnswer,
    errors: [...JSON_BODY, ...SIGNED_IN, 'NOT_FOUND', 'EXERCISE_OVERLAP'],
  }),
  firmSettings: defineEndpoint({
    method: 'GET',
    path: '/api/firm/settings',
    summary: 'Les réglages du cabinet (mode test, SIRET)',
    access: 'user',
    response: firmSettingsSchema,
    errors: [...SIGNED_IN],
  }),
  saveFirmSettings: defineEndpoint({
    method: 'PUT',
    path: '/api/firm/settings',
    summary: 'Change les réglages du cabinet',
    access: 'administrator',
    body: updateFirmSettingsRequest,
    response: firmSettingsSchema,
    errors: [...JSON_BODY, ...ADMINISTRATOR],
  }),
};
