import { z } from 'zod';
import { addFormRequest, addableFormsSchema } from '../../declaration-forms';
import { declarationDetailSchema } from '../../declarations';
import { defineEndpoint } from '../../endpoint';
import { JSON_BODY, SIGNED_IN, idParams } from './common';

const declarationParams = idParams('Élément introuvable.');

/** The forms of a declaration: those the régime allows to add, and adding one. */
export const declarationFormsEndpoints = {
  addable: defineEndpoint({
    method: 'GET',
    path: '/api/declarations/:id/addable-forms',
    summary:
      'Les formulaires que le régime de la déclaration permet d’ajouter (crédits d’impôt, annexes facultatives)',
    access: 'user',
    params: declarationParams,
    response: addableFormsSchema,
    errors: [...SIGNED_IN, 'VALIDATION_ERROR', 'NOT_FOUND'],
  }),
  add: defineEndpoint({
    method: 'POST',
    path: '/api/declarations/:id/forms',
    summary: 'Ajoute un formulaire vide à la déclaration',
    access: 'user',
    params: declarationParams,
    body: addFormRequest,
    response: z.object({ declaration: declarationDetailSchema }),
    errors: [...JSON_BODY, ...SIGNED_IN, 'NOT_FOUND', 'DECLARATION_CHANGED', 'DECLARATION_LOCKED'],
  }),
};
