import { z } from 'zod';
import {
  depositAcceptedSchema,
  depositIntakeErrors,
  depositListSchema,
  depositPolicySchema,
  depositSchema,
  idempotencyKeyField,
  listDepositsQuery,
  MAX_DEPOSIT_BYTES,
} from '../../deposits';
import { defineEndpoint, fileContent } from '../../endpoint';
import { BEARER } from './common';

/** API v1 deposits: intake, the list by change, one deposit, and the deposit policy. */
export const depositsEndpoints = {
  deposit: defineEndpoint({
    method: 'POST',
    path: '/api/v1/deposits',
    summary:
      'Déposer un fichier signé (CMS SignedData DER contenant l’interchange INFENT) avec l’en-tête Idempotency-Key ; contrôles de lisibilité et de sécurisation, puis 202 et un accusé de réception signé. Même clé et même fichier : le même accusé ; même clé, autre fichier : 422 ; un interchange déjà déposé par le compte (même contenu, même signé à nouveau, ou même référence UNB), sous une autre clé : 409 DEPOSIT_DUPLICATE, depositId = le premier dépôt',
    access: 'user',
    headers: z.object({
      'Idempotency-Key': idempotencyKeyField.describe(
        'Identifiant de la transmission chez le déclarant (400 s’il manque)',
      ),
    }),
    body: fileContent(
      `CMS SignedData (DER), contenu inclus, ${MAX_DEPOSIT_BYTES / 1024 / 1024} Mio au plus (413 au-delà)`,
      'application/pkcs7-mime',
    ),
    status: 202,
    response: depositAcceptedSchema,
    errors: depositIntakeErrors,
  }),
  list: defineEndpoint({
    method: 'GET',
    path: '/api/v1/deposits',
    summary:
      'Les dépôts du compte modifiés strictement après updatedSince, du plus ancien changement au plus récent, par pages : limit (50 par défaut, 200 au plus) et cursor (le nextCursor de la page précédente, avec le même updatedSince) ; nextCursor null à la dernière page, dont serverTime (moins une marge) est le prochain updatedSince. Un curseur invalide : 400 VALIDATION_ERROR',
    access: 'user',
    query: listDepositsQuery,
    response: depositListSchema,
    errors: [...BEARER, 'VALIDATION_ERROR'],
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/v1/deposits/:id',
    summary: 'Un dépôt du compte : statut, historique, erreurs et retours de la DGFiP (CONTRL, CR)',
    access: 'user',
    params: z.object({ id: z.string() }),
    response: z.object({ deposit: depositSchema }),
    errors: [...BEARER, 'NOT_FOUND'],
  }),
  policy: defineEndpoint({
    method: 'GET',
    path: '/api/v1/deposit-policy',
    summary:
      'Ce que le partenaire accepte : environnement (test ou production), taille maximale, numéro EDI',
    access: 'public',
    response: depositPolicySchema,
    errors: [],
  }),
};
