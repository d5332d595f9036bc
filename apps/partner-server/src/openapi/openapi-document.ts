import { z } from 'zod';
import {
  accountSchema,
  createAccountRequest,
  depositAcceptedSchema,
  depositListSchema,
  depositPolicySchema,
  depositSchema,
  idempotencyKeyField,
  listDepositsQuery,
  MAX_DEPOSIT_BYTES,
  createSessionRequest,
  issuedSignatureSchema,
  issueSignatureRequest,
  listPartnerSignaturesQuery,
  partnerSignaturePageSchema,
  refreshSessionRequest,
  revokeSignatureRequest,
  sessionTokensSchema,
  signaturePolicySchema,
  signatureSchema,
  subscriptionSchema,
  verifyEmailRequest,
} from '@passerelle/contracts';

/** One operation of the API, described from the same zod schemas the server validates with. */
interface Operation {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  auth: boolean;
  request?: z.ZodType;
  /** A request body that is not JSON (a signed deposit). */
  rawRequest?: { contentType: string; description: string };
  /** Request headers the operation reads. */
  headers?: { name: string; schema: z.ZodType; description: string }[];
  /** Query parameters, one per key of the object schema. */
  query?: z.ZodObject;
  response?: { status: number; schema?: z.ZodType; contentType?: string };
}

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
});

/** Every API v1 operation; the docs page and the OpenAPI document are both made from it. */
export const operations: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/accounts',
    summary: 'Créer un compte client (un email de confirmation est envoyé)',
    auth: false,
    request: createAccountRequest,
    response: { status: 201, schema: z.object({ account: accountSchema }) },
  },
  {
    method: 'post',
    path: '/api/v1/accounts/verification',
    summary:
      "Confirmer l'adresse de l'administrateur avec le jeton du lien reçu ; abonne le compte à EDI-TDFC et envoie le code confidentiel",
    auth: false,
    request: verifyEmailRequest,
    response: { status: 200, schema: z.object({ account: accountSchema }) },
  },
  {
    method: 'get',
    path: '/api/v1/accounts/current',
    summary: 'Le compte client de la session',
    auth: true,
    response: { status: 200, schema: z.object({ account: accountSchema }) },
  },
  {
    method: 'post',
    path: '/api/v1/accounts/current/confidential-code',
    summary:
      "Émettre un nouveau code confidentiel EDI-TDFC (envoyé à l'administrateur ; l'ancien cesse de fonctionner)",
    auth: true,
    response: { status: 201, schema: z.object({ sentAt: z.string(), sentTo: z.string() }) },
  },
  {
    method: 'post',
    path: '/api/v1/sessions',
    summary: "Ouvrir une session (jeton d'accès court + jeton de renouvellement)",
    auth: false,
    request: createSessionRequest,
    response: { status: 201, schema: sessionTokensSchema },
  },
  {
    method: 'post',
    path: '/api/v1/sessions/refresh',
    summary: 'Renouveler les jetons (usage unique ; un jeton réutilisé révoque toute la session)',
    auth: false,
    request: refreshSessionRequest,
    response: { status: 200, schema: sessionTokensSchema },
  },
  {
    method: 'delete',
    path: '/api/v1/sessions/current',
    summary: 'Fermer la session',
    auth: true,
    response: { status: 204 },
  },
  {
    method: 'get',
    path: '/api/v1/signature-policy',
    summary: 'Durées de validité proposées et types de clés acceptés',
    auth: false,
    response: { status: 200, schema: signaturePolicySchema },
  },
  {
    method: 'post',
    path: '/api/v1/signatures',
    summary: 'Émettre une signature (certificat) à partir d’un CSR PKCS#10 et du code confidentiel',
    auth: true,
    request: issueSignatureRequest,
    response: { status: 201, schema: issuedSignatureSchema },
  },
  {
    method: 'get',
    path: '/api/v1/signatures',
    summary:
      'Les signatures du compte, de la plus récente à la plus ancienne, par pages : limit (50 par défaut, 200 au plus) et cursor (le nextCursor de la page précédente) ; total sur la première page',
    auth: true,
    query: listPartnerSignaturesQuery,
    response: { status: 200, schema: partnerSignaturePageSchema },
  },
  {
    method: 'post',
    path: '/api/v1/signatures/{serial}/revocation',
    summary: 'Révoquer une signature du compte',
    auth: true,
    request: revokeSignatureRequest,
    response: { status: 200, schema: z.object({ signature: signatureSchema }) },
  },
  {
    method: 'get',
    path: '/api/v1/deposit-policy',
    summary:
      'Ce que le partenaire accepte : environnement (test ou production), taille maximale, numéro EDI',
    auth: false,
    response: { status: 200, schema: depositPolicySchema },
  },
  {
    method: 'post',
    path: '/api/v1/deposits',
    summary:
      'Déposer un fichier signé (CMS SignedData DER contenant l’interchange INFENT) avec l’en-tête Idempotency-Key ; contrôles de lisibilité et de sécurisation, puis 202 et un accusé de réception signé. Même clé et même fichier : le même accusé ; même clé, autre fichier : 422',
    auth: true,
    rawRequest: {
      contentType: 'application/pkcs7-mime',
      description: `CMS SignedData (DER), contenu inclus, ${MAX_DEPOSIT_BYTES / 1024 / 1024} Mio au plus (413 au-delà)`,
    },
    headers: [
      {
        name: 'Idempotency-Key',
        schema: idempotencyKeyField,
        description: 'Identifiant de la transmission chez le déclarant (400 s’il manque)',
      },
    ],
    response: { status: 202, schema: depositAcceptedSchema },
  },
  {
    method: 'get',
    path: '/api/v1/deposits',
    summary:
      'Les dépôts du compte modifiés strictement après updatedSince, du plus ancien changement au plus récent, par pages : limit (50 par défaut, 200 au plus) et cursor (le nextCursor de la page précédente, avec le même updatedSince) ; nextCursor null à la dernière page, dont serverTime (moins une marge) est le prochain updatedSince. Un curseur invalide : 400 VALIDATION_ERROR',
    auth: true,
    query: listDepositsQuery,
    response: { status: 200, schema: depositListSchema },
  },
  {
    method: 'get',
    path: '/api/v1/deposits/{id}',
    summary: 'Un dépôt du compte : statut, historique, erreurs et retours de la DGFiP (CONTRL, CR)',
    auth: true,
    response: { status: 200, schema: z.object({ deposit: depositSchema }) },
  },
  {
    method: 'get',
    path: '/api/v1/ca',
    summary: "Certificat de l'autorité de certification (PEM)",
    auth: false,
    response: { status: 200, contentType: 'application/x-pem-file' },
  },
  {
    method: 'get',
    path: '/api/v1/crl',
    summary: 'Liste de révocation signée (DER)',
    auth: false,
    response: { status: 200, contentType: 'application/pkix-crl' },
  },
];

/** JSON Schema of a zod schema as clients send it (input side of transforms). */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** Path parameters (every `{name}` of the path), then headers, then query parameters. */
function parametersOf(op: Operation): Record<string, unknown>[] {
  const path = [...op.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const headers = (op.headers ?? []).map((header) => ({
    name: header.name,
    in: 'header',
    required: true,
    description: header.description,
    schema: jsonSchemaOf(header.schema),
  }));
  const query = Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema: jsonSchemaOf(schema as z.ZodType),
  }));
  return [...path, ...headers, ...query];
}

/** The OpenAPI 3.1 document of API v1. */
export function openApiDocument(serverUrl: string, title: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {
      default: {
        description: 'Refus : {code, message, field?}',
        content: { 'application/json': { schema: jsonSchemaOf(errorSchema) } },
      },
    };
    const response = op.response;
    if (response) {
      responses[String(response.status)] = {
        description: op.summary,
        ...(response.schema
          ? { content: { 'application/json': { schema: jsonSchemaOf(response.schema) } } }
          : response.contentType
            ? { content: { [response.contentType]: {} } }
            : {}),
      };
    }
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        ...(op.auth ? { security: [{ bearer: [] }] } : {}),
        ...(parametersOf(op).length > 0 ? { parameters: parametersOf(op) } : {}),
        ...(op.request
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchemaOf(op.request) } },
              },
            }
          : {}),
        ...(op.rawRequest
          ? {
              requestBody: {
                required: true,
                description: op.rawRequest.description,
                content: {
                  [op.rawRequest.contentType]: {
                    schema: { type: 'string', contentMediaType: op.rawRequest.contentType },
                  },
                },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: `${title} — API v1`, version: '1.0.0' },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Subscription: jsonSchemaOf(subscriptionSchema) },
    },
    paths,
  };
}
