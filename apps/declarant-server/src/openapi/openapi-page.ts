import {
  errorStatus,
  isFileContent,
  jsonSchemaOf,
  successStatus,
  type Endpoint,
  type FileContent,
} from '@passerelle/contracts';
import { escapeHtml as escape } from '@passerelle/server-kit';
import type { z } from 'zod';

const ACCESS = {
  public: 'sans connexion',
  user: 'utilisateur connecté (cookie de session)',
  administrator: 'administrateur connecté (cookie de session)',
} as const;

const schemaBlock = (title: string, schema: z.ZodType, io: 'input' | 'output') =>
  `<h4>${escape(title)}</h4><pre>${escape(JSON.stringify(jsonSchemaOf(schema, io), null, 2))}</pre>`;

const fileLine = (title: string, content: FileContent) =>
  `<h4>${escape(title)}</h4><p>${escape(content.description)} (${content.file
    .map((type) => `<code>${escape(type)}</code>`)
    .join(', ')})</p>`;

function section(endpoint: Endpoint): string {
  const { params, query, body, response } = endpoint;
  const status = successStatus(endpoint);
  const errors = endpoint.errors
    .map((code) => `<li><code>${code}</code> (${errorStatus[code]})</li>`)
    .join('');
  return [
    `<section><h3><code>${endpoint.method} ${escape(endpoint.path)}</code></h3>`,
    `<p>${escape(endpoint.summary)} — <em>${ACCESS[endpoint.access]}</em></p>`,
    params ? schemaBlock('Paramètres du chemin', params, 'input') : '',
    query ? schemaBlock('Paramètres de la requête', query, 'input') : '',
    body === undefined
      ? ''
      : isFileContent(body)
        ? fileLine('Corps de la requête (fichier)', body)
        : schemaBlock('Corps de la requête (JSON)', body, 'input'),
    response === null
      ? `<h4>Réponse ${status}, sans corps</h4>`
      : isFileContent(response)
        ? fileLine(`Réponse ${status} (fichier)`, response)
        : schemaBlock(`Réponse ${status} (JSON)`, response, 'output'),
    errors ? `<h4>Refus</h4><ul>${errors}</ul>` : '',
    '</section>',
  ].join('\n');
}

/** The readable page of the API: every endpoint with its schemas and refusals (no script). */
export function openApiPage(title: string, endpoints: readonly Endpoint[]): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>
<p>Document OpenAPI 3.1\u00a0: <a href="/api/openapi.json">/api/openapi.json</a>. Toute erreur est un objet JSON <code>{code, message, field?}</code>.</p>
${endpoints.map(section).join('\n')}</main></body></html>`;
}
