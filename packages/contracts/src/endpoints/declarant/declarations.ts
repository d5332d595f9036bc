import { z } from 'zod';
import {
  createDeclarationRequest,
  declarationDetailSchema,
  declarationPageSchema,
  declarationTableSchema,
  editorLayoutSchema,
  importedDeclarationsSchema,
  listDeclarationsQuery,
  updateCellsRequest,
} from '../../declarations';
import { defineEndpoint, fileContent } from '../../endpoint';
import { CHANGE, JSON_BODY, SIGNED_IN, idParams } from './common';

const declarationParams = idParams('Élément introuvable.');
const declarationAnswer = z.object({ declaration: declarationDetailSchema });
const READ = [...SIGNED_IN, 'VALIDATION_ERROR', 'NOT_FOUND'] as const;
const IMPORT = ['IMPORT_INVALID', 'IMPORT_TOO_LARGE', 'PAYLOAD_TOO_LARGE'] as const;

/** Declarations: lists, creation for the editor, imports, the editor's changes, views. */
export const declarationsEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/declarations',
    summary:
      'Une page des déclarations du cabinet, tous dossiers, de la plus récente à la plus ancienne',
    access: 'user',
    query: listDeclarationsQuery,
    response: declarationPageSchema,
    errors: [...SIGNED_IN, 'VALIDATION_ERROR'],
  }),
  ofDossier: defineEndpoint({
    method: 'GET',
    path: '/api/dossiers/:id/declarations',
    summary: 'Une page des déclarations d’un dossier, de la plus récente à la plus ancienne',
    access: 'user',
    params: declarationParams,
    query: listDeclarationsQuery,
    response: declarationPageSchema,
    errors: READ,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/dossiers/:id/declarations',
    summary: 'Nouvelle déclaration pour un exercice du dossier',
    access: 'user',
    params: declarationParams,
    body: createDeclarationRequest,
    status: 201,
    response: declarationAnswer,
    errors: [...JSON_BODY, ...SIGNED_IN, 'NOT_FOUND'],
  }),
  importJson: defineEndpoint({
    method: 'POST',
    path: '/api/declarations/import-json',
    summary:
      'Importe une déclaration, ou une liste de déclarations, au format JSON des intégrateurs',
    access: 'user',
    body: z.unknown(),
    status: 201,
    response: importedDeclarationsSchema,
    errors: [...JSON_BODY, ...SIGNED_IN, ...IMPORT],
  }),
  importInterchange: defineEndpoint({
    method: 'POST',
    path: '/api/declarations/import',
    summary: 'Importe un fichier EDI-TDFC INFENT d’un autre logiciel, envoyé tel quel',
    access: 'user',
    body: fileContent(
      'Un interchange INFENT',
      'application/edifact',
      'application/octet-stream',
      'text/plain',
    ),
    status: 201,
    response: importedDeclarationsSchema,
    errors: [...CHANGE, ...SIGNED_IN, 'UNSUPPORTED_MEDIA_TYPE', ...IMPORT],
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/declarations/:id',
    summary: 'Une déclaration, ses formulaires, ses anomalies et son statut',
    access: 'user',
    params: declarationParams,
    response: declarationAnswer,
    errors: READ,
  }),
  updateCells: defineEndpoint({
    method: 'PATCH',
    path: '/api/declarations/:id/cells',
    summary: 'Les modifications de l’éditeur, validées de nouveau par le serveur',
    access: 'user',
    params: declarationParams,
    body: updateCellsRequest,
    response: declarationAnswer,
    errors: [...JSON_BODY, ...SIGNED_IN, 'NOT_FOUND', 'DECLARATION_CHANGED', 'DECLARATION_LOCKED'],
  }),
  editor: defineEndpoint({
    method: 'GET',
    path: '/api/declarations/:id/editor',
    summary: 'Les formulaires de la liasse et leurs cases, pour l’éditeur',
    access: 'user',
    params: declarationParams,
    response: editorLayoutSchema,
    errors: READ,
  }),
  interchange: defineEndpoint({
    method: 'GET',
    path: '/api/declarations/:id/interchange',
    summary: 'Le fichier EDI (INFENT) de la déclaration',
    access: 'user',
    params: declarationParams,
    response: fileContent('L’interchange INFENT', 'application/edifact'),
    errors: [...READ, 'FIRM_SIRET_MISSING', 'INTERCHANGE_INVALID'],
  }),
  pdf: defineEndpoint({
    method: 'GET',
    path: '/api/declarations/:id/pdf',
    summary:
      'Le PDF de la déclaration, un formulaire par page comme sur papier (accord du client, archive)',
    access: 'user',
    params: declarationParams,
    response: fileContent('Le PDF de la déclaration', 'application/pdf'),
    errors: READ,
  }),
  table: defineEndpoint({
    method: 'GET',
    path: '/api/declarations/:id/table',
    summary: 'La vue lisible (formulaire, case, libellé, valeur)',
    access: 'user',
    params: declarationParams,
    response: declarationTableSchema,
    errors: READ,
  }),
};
