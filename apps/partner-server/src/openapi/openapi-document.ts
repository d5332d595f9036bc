import { z } from 'zod';
import {
  accountRegistrationSchema,
  accountSchema,
  changeAccountPasswordRequest,
  createAccountRequest,
  passwordResetRequest,
  passwordResetRequestedSchema,
  resetPasswordRequest,
  depositAcceptedSchema,
  depositIntakeErrors,
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
  errorStatus,
  portalUserEndpoints,
  type ErrorCode,
  type PartnerEndpoint,
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
  /** The refusals the operation may answer, documented under their HTTP statuses. */
  errors?: readonly ErrorCode[];
}

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  depositId: z.string().optional(),
});

/** One response per HTTP status of `errors`, its `code` limited to the codes of that status. */
function errorResponses(errors: readonly ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errors) {
    byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: `Refus : ${codes.join(', ')}`,
        content: {
          'application/json': {
            schema: jsonSchemaOf(errorSchema.extend({ code: z.enum(codes) })),
          },
        },
      },
    ]),
  );
}

/** Every API v1 operation; the docs page and the OpenAPI document are both made from it. */
export const operations: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/accounts',
    summary:
      "Créer un compte client : 202 et la même réponse que l'adresse soit nouvelle, en attente de confirmation (la demande est remplacée) ou déjà celle d'un compte (son titulaire est prévenu par email, rien n'est créé). Un email de confirmation part vers l'adresse. Limité par adresse IP (REGISTRATIONS_PER_IP_PER_HOUR) et par adresse email (ACCOUNT_EMAILS_PER_ADDRESS_PER_DAY)",
    auth: false,
    request: createAccountRequest,
    response: { status: 202, schema: accountRegistrationSchema },
    errors: ['VALIDATION_ERROR', 'WEAK_PASSWORD', 'RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/api/v1/accounts/verification',
    summary:
      "Confirmer l'adresse de l'administrateur avec le jeton du lien reçu et le mot de passe choisi à la création (limites de la connexion) ; abonne le compte à EDI-TDFC et envoie le code confidentiel. Un compte non confirmé expire (UNVERIFIED_ACCOUNT_HOURS)",
    auth: false,
    request: verifyEmailRequest,
    response: { status: 200, schema: z.object({ account: accountSchema }) },
    errors: ['VALIDATION_ERROR', 'INVALID_CREDENTIALS', 'LINK_INVALID', 'RATE_LIMITED'],
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
      "Émettre un nouveau code confidentiel EDI-TDFC (envoyé à l'administrateur ; l'ancien cesse de fonctionner). Au plus un par CODE_REISSUE_COOLDOWN_MINUTES : 429 et Retry-After sinon",
    auth: true,
    response: { status: 201, schema: z.object({ sentAt: z.string(), sentTo: z.string() }) },
    errors: ['RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/api/v1/accounts/current/password',
    summary:
      "Changer le mot de passe du compte (mot de passe actuel vérifié sous les limites de la connexion) ; ferme toutes les autres sessions, celles du portail et des logiciels (jetons de renouvellement compris), et prévient l'administrateur par email",
    auth: true,
    request: changeAccountPasswordRequest,
    response: { status: 204 },
    errors: ['VALIDATION_ERROR', 'WRONG_CURRENT_PASSWORD', 'WEAK_PASSWORD', 'RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/api/v1/password-resets',
    summary:
      "Mot de passe oublié : envoie un lien à usage unique (PASSWORD_RESET_LINK_MINUTES) à l'adresse si elle est celle d'un compte confirmé ; 202 et la même réponse sinon. Limité par adresse IP (PASSWORD_RESETS_PER_IP_PER_HOUR) et par adresse email (ACCOUNT_EMAILS_PER_ADDRESS_PER_DAY)",
    auth: false,
    request: passwordResetRequest,
    response: { status: 202, schema: passwordResetRequestedSchema },
    errors: ['VALIDATION_ERROR', 'RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/api/v1/password-resets/use',
    summary:
      "Choisir un nouveau mot de passe avec le jeton du lien reçu (une seule fois) ; ferme toutes les sessions du compte et prévient l'administrateur par email",
    auth: false,
    request: resetPasswordRequest,
    response: { status: 204 },
    errors: ['VALIDATION_ERROR', 'WEAK_PASSWORD', 'PASSWORD_TOKEN_INVALID'],
  },
  {
    method: 'post',
    path: '/api/v1/sessions',
    summary: "Ouvrir une session (jeton d'accès court + jeton de renouvellement)",
    auth: false,
    request: createSessionRequest,
    response: { status: 201, schema: sessionTokensSchema },
    errors: [
      'VALIDATION_ERROR',
      'INVALID_CREDENTIALS',
      'EMAIL_NOT_VERIFIED',
      'REGISTRATION_EXPIRED',
      'RATE_LIMITED',
    ],
  },
  {
    method: 'post',
    path: '/api/v1/sessions/refresh',
    summary:
      'Renouveler les jetons (usage unique ; un jeton réutilisé révoque toute la session ; ' +
      'la session finit 90 jours après son ouverture par défaut, quels que soient les renouvellements)',
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
      'Déposer un fichier signé (CMS SignedData DER contenant l’interchange INFENT) avec l’en-tête Idempotency-Key ; contrôles de lisibilité et de sécurisation, puis 202 et un accusé de réception signé. Même clé et même fichier : le même accusé ; même clé, autre fichier : 422 ; un interchange déjà déposé par le compte (même contenu, même signé à nouveau, ou même référence UNB), sous une autre clé : 409 DEPOSIT_DUPLICATE, depositId = le premier dépôt',
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
    errors: depositIntakeErrors,
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
  // Personal portal users (issue #13): declared once in the contracts, with their errors.
  ...Object.values(portalUserEndpoints).map((endpoint: PartnerEndpoint): Operation => ({
    method: endpoint.method,
    path: endpoint.path.replace(/:(\w+)/g, '{$1}'),
    summary: endpoint.summary,
    auth: endpoint.path.startsWith('/api/v1/accounts/current'),
    ...(endpoint.request ? { request: endpoint.request } : {}),
    ...(endpoint.query ? { query: endpoint.query } : {}),
    response: endpoint.response,
    errors: endpoint.errors,
  })),
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
      ...errorResponses(op.errors ?? []),
      default: {
        description: 'Refus : {code, message, field?, depositId?}',
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
