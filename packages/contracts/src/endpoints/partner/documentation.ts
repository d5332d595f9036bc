import { z } from 'zod';
import { defineEndpoint, fileContent } from '../../endpoint';

/** The health probe, and API v1's own description: the OpenAPI document and its page. */
export const partnerServiceEndpoints = {
  health: defineEndpoint({
    method: 'GET',
    path: '/api/health',
    summary: 'Le serveur répond',
    access: 'public',
    response: z.object({ status: z.literal('ok') }),
    errors: [],
  }),
  openApi: defineEndpoint({
    method: 'GET',
    path: '/api/v1/openapi.json',
    summary: 'Le document OpenAPI 3.1 de l’API v1',
    access: 'public',
    response: z.record(z.string(), z.unknown()),
    errors: [],
  }),
  page: defineEndpoint({
    method: 'GET',
    path: '/api/v1/docs',
    summary: 'La page lisible de ce document',
    access: 'public',
    response: fileContent('Une page HTML', 'text/html'),
    errors: [],
  }),
};
