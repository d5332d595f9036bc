import {
  errorStatus,
  isFileContent,
  jsonSchemaOf,
  successStatus,
  type Endpoint,
  type EndpointAccess,
  type FileContent,
} from '@passerelle/contracts';
import type { z } from 'zod';
import { escapeHtml as escape } from '../html-escape';

/** What the page says besides the endpoints: where the document is, who may call what. */
export interface OpenApiPageInfo {
  title: string;
  /** The OpenAPI document's path (`/api/openapi.json`). */
  documentPath: string;
  /** How each access level is named ("utilisateur connecté (cookie de session)"). */
  access: Record<EndpointAccess, string>;
}

const schemaBlock = (title: string, schema: z.ZodType, io: 'input' | 'output') =>
  `<h4>${escape(title)}</h4><pre>${escape(JSON.stringify(jsonSchemaOf(schema, io), null, 2))}</pre>`;

const fileLine = (title: string, content: FileContent) =>
  `<h4>${escape(title)}</h4><p>${escape(content.description)} (${content.file
    .map((type) => `<code>${escape(type)}</code>`)
    .join(', ')})</p>`;

function section(endpoint: Endpoint, info: OpenApiPageInfo): string {
  const { params, headers, query, body, response } = endpoint;
  const status = successStatus(endpoint);
  const errors = endpoint.errors
    .map((code) => `<li><code>${code}</code> (${errorStatus[code]})</li>`)
    .join('');
  return [
    `<section><h3><code>${endpoint.method} ${escape(endpoint.path)}</code></h3>`,
    `<p>${escape(endpoint.summary)} — <em>${escape(info.access[endpoint.access])}</em></p>`,
    params ? schemaBlock('Paramètres du chemin', params, 'input') : '',
    headers ? schemaBlock('En-têtes', headers, 'input') : '',
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
export function openApiPage(info: OpenApiPageInfo, endpoints: readonly Endpoint[]): string {
  const title = escape(info.title);
  const document = escape(info.documentPath);
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>
<p>Document OpenAPI 3.1\u00a0: <a href="${document}">${document}</a>. Toute erreur est un objet JSON <code>{code, message, field?}</code>.</p>
${endpoints.map((endpoint) => section(endpoint, info)).join('\n')}</main></body></html>`;
}
