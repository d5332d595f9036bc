import { z } from 'zod';
import { defineEndpoint, fileContent } from '../../endpoint';

/** This API's own description: the OpenAPI document and its readable page. */
export const documentationEndpoints = {
  openApi: defineEndpoint({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'Le document OpenAPI 3.1 de cette API',
    access: 'public',
    response: z.record(z.string(), z.unknown()),
    errors: [],
  }),
  page: defineEndpoint({
    method: 'GET',
    path: '/api/docs',
    summary: 'La page lisible de ce document',
    access: 'public',
    response: fileContent('Une page HTML', 'text/html'),
    errors: [],
  }),
};
