// One typed function per declarant API endpoint (see ARCHITECTURE.md).
import {
  PAGE_SIZE_MAX,
  auditPage,
  clientSpaceStatusSchema,
  createUserResponse,
  passwordLinkSchema,
  passwordTokenInfo,
  sessionResponse,
  setupStatus,
  declarantSignatureSchema,
  declarationDetailSchema,
  declarationPageSchema,
  declarationTableSchema,
  dossierPageSchema,
  dossierSchema,
  editorLayoutSchema,
  firmSettingsSchema,
  importedDeclarationsSchema,
  signatureOptionsSchema,
  signaturePageSchema,
  userPageSchema,
  userSchema,
} from '@passerelle/contracts';
import type {
  AuditPage,
  ClientSpaceStatus,
  ConnectClientSpaceRequest,
  ChangePasswordRequest,
  ChangeSignaturePasswordRequest,
  CreateSignatureRequest,
  DeclarantSignature,
  CreateDeclarationRequest,
  DeclarationDetail,
  DeclarationPage,
  DeclarationSummary,
  DeclarationTable,
  Dossier,
  DossierPage,
  ListDeclarationsQuery,
  ListDossiersQuery,
  PageQuery,
  SignaturePage,
  EditorLayout,
  DossierInput,
  ExerciseInput,
  ExportSignatureRequest,
  FirmSettings,
  UpdateFirmSettingsRequest,
  SignatureOptions,
  CreateUserRequest,
  CreateUserResponse,
  CurrentUser,
  PasswordLink,
  PasswordTokenInfo,
  SetupRequest,
  SignInRequest,
  UpdateCellsRequest,
  User,
  UserPage,
  UserStatus,
  UsePasswordTokenRequest,
} from '@passerelle/contracts';
import { z } from 'zod';
import { request, requestFile, requestRaw } from './client';
import type { ApiFile } from './client';
import { withQuery } from './query-string';

const userResponse = z.object({ user: userSchema });
const linkResponse = z.object({ link: passwordLinkSchema });
const setupResponse = z.object({ user: userSchema });
const signatureResponse = z.object({ signature: declarantSignatureSchema });
const dossierResponse = z.object({ dossier: dossierSchema });
const declarationResponse = z.object({ declaration: declarationDetailSchema });

/** GET /api/setup: whether the first start still waits for its administrator. */
export async function getSetupNeeded(): Promise<boolean> {
  const answer = await request('GET', '/api/setup', { schema: setupStatus, auth: false });
  return answer.needed;
}

/** POST /api/setup: creates the firm and its first administrator (signs them in). */
export async function completeSetup(body: SetupRequest): Promise<User> {
  const answer = await request('POST', '/api/setup', { body, schema: setupResponse, auth: false });
  return answer.user;
}

/** POST /api/session: signs in. */
export async function signIn(body: SignInRequest): Promise<CurrentUser> {
  const answer = await request('POST', '/api/session', {
    body,
    schema: sessionResponse,
    auth: false,
  });
  return answer.user;
}

/** GET /api/session: the signed-in user; `auth: false` when probing at start. */
export async function getSession(auth = true): Promise<CurrentUser> {
  const answer = await request('GET', '/api/session', { schema: sessionResponse, auth });
  return answer.user;
}

/** DELETE /api/session: signs out. */
export async function signOut(): Promise<void> {
  await request('DELETE', '/api/session', { auth: false });
}

/** POST /api/me/password: changes the signed-in user's own password. */
export async function changePassword(body: ChangePasswordRequest): Promise<void> {
  await request('POST', '/api/me/password', { body });
}

/** GET /api/users (administrator): one page, by last then first name. */
export async function listUsers(query: PageQuery = {}): Promise<UserPage> {
  return request('GET', withQuery('/api/users', query), { schema: userPageSchema });
}

/** POST /api/users (administrator): the new user and their invitation link. */
export async function createUser(body: CreateUserRequest): Promise<CreateUserResponse> {
  return request('POST', '/api/users', { body, schema: createUserResponse });
}

/** PATCH /api/users/:id/status (administrator). */
export async function setUserStatus(id: string, status: UserStatus): Promise<User> {
  const path = `/api/users/${encodeURIComponent(id)}/status`;
  const answer = await request('PATCH', path, { body: { status }, schema: userResponse });
  return answer.user;
}

/** POST /api/users/:id/password-reset (administrator): a one-time reset link. */
export async function createPasswordReset(id: string): Promise<PasswordLink> {
  const path = `/api/users/${encodeURIComponent(id)}/password-reset`;
  const answer = await request('POST', path, { schema: linkResponse });
  return answer.link;
}

/** POST /api/password-tokens/lookup: who a one-time link is for. */
export async function lookupPasswordToken(token: string): Promise<PasswordTokenInfo> {
  return request('POST', '/api/password-tokens/lookup', {
    body: { token },
    schema: passwordTokenInfo,
    auth: false,
  });
}

/** POST /api/password-tokens/use: chooses a password through a one-time link. */
export async function setPasswordWithToken(body: UsePasswordTokenRequest): Promise<void> {
  await request('POST', '/api/password-tokens/use', { body, auth: false });
}

/** GET /api/audit-events (administrator): one page, newest first. */
export async function listAuditEvents(query: PageQuery = {}): Promise<AuditPage> {
  return request('GET', withQuery('/api/audit-events', query), { schema: auditPage });
}

/** GET /api/me/client-space: the "Espace client" tag and why it is not connected. */
export async function getClientSpace(): Promise<ClientSpaceStatus> {
  return request('GET', '/api/me/client-space', { schema: clientSpaceStatusSchema });
}

/** POST /api/me/client-space: connects with the portal credentials (the password is not kept). */
export async function connectClientSpace(
  body: ConnectClientSpaceRequest,
): Promise<ClientSpaceStatus> {
  return request('POST', '/api/me/client-space', { body, schema: clientSpaceStatusSchema });
}

/** DELETE /api/me/client-space: "Se déconnecter" of the client space. */
export async function disconnectClientSpace(): Promise<ClientSpaceStatus> {
  return request('DELETE', '/api/me/client-space', { schema: clientSpaceStatusSchema });
}

/**
 * GET /api/me/signatures: the signed-in user's own signatures, newest first — the first page of
 * the largest size, which holds every signature a person has in practice (one every year or so).
 */
export async function listMySignatures(): Promise<DeclarantSignature[]> {
  const path = withQuery('/api/me/signatures', { limit: PAGE_SIZE_MAX });
  const answer = await request('GET', path, { schema: signaturePageSchema });
  return answer.items;
}

/** GET /api/me/signature-options: validity durations and key types, read from the partner. */
export async function getSignatureOptions(): Promise<SignatureOptions> {
  return request('GET', '/api/me/signature-options', { schema: signatureOptionsSchema });
}

/** POST /api/me/signatures: "Ajouter une signature". */
export async function createSignature(body: CreateSignatureRequest): Promise<DeclarantSignature> {
  const answer = await request('POST', '/api/me/signatures', { body, schema: signatureResponse });
  return answer.signature;
}

/** GET /api/signatures (administrator): one page of the firm's signatures, newest first. */
export async function listFirmSignatures(query: PageQuery = {}): Promise<SignaturePage> {
  return request('GET', withQuery('/api/signatures', query), { schema: signaturePageSchema });
}

const signaturePath = (id: string, action: string) =>
  `/api/signatures/${encodeURIComponent(id)}/${action}`;

/** POST /api/signatures/:id/revocation: "Révoquer" (definitive). */
export async function revokeSignature(id: string): Promise<DeclarantSignature> {
  const path = signaturePath(id, 'revocation');
  const answer = await request('POST', path, { body: {}, schema: signatureResponse });
  return answer.signature;
}

/** POST /api/signatures/:id/password: "Changer le mot de passe" of a signature. */
export async function changeSignaturePassword(
  id: string,
  body: ChangeSignaturePasswordRequest,
): Promise<void> {
  await request('POST', signaturePath(id, 'password'), { body });
}

/** POST /api/signatures/:id/export: "Exporter (.p12)", the PKCS#12 file and its name. */
export async function exportSignature(id: string, body: ExportSignatureRequest): Promise<ApiFile> {
  return requestFile('POST', signaturePath(id, 'export'), {
    body,
    accept: 'application/x-pkcs12',
    fallbackName: 'signature.p12',
  });
}

/** GET /api/dossiers: one page of the firm's dossiers by name (a search's when `q` is given). */
export async function listDossiers(query: ListDossiersQuery = {}): Promise<DossierPage> {
  return request('GET', withQuery('/api/dossiers', query), { schema: dossierPageSchema });
}

const dossierPath = (id: string) => `/api/dossiers/${encodeURIComponent(id)}`;

/** GET /api/dossiers/:id: one dossier with its exercises. */
export async function getDossier(id: string): Promise<Dossier> {
  const answer = await request('GET', dossierPath(id), { schema: dossierResponse });
  return answer.dossier;
}

/** POST /api/dossiers: "Créer un dossier". */
export async function createDossier(body: DossierInput): Promise<Dossier> {
  const answer = await request('POST', '/api/dossiers', { body, schema: dossierResponse });
  return answer.dossier;
}

/** PUT /api/dossiers/:id: changes a dossier's identity. */
export async function updateDossier(id: string, body: DossierInput): Promise<Dossier> {
  const answer = await request('PUT', dossierPath(id), { body, schema: dossierResponse });
  return answer.dossier;
}

/** POST /api/dossiers/:id/exercises: "Ajouter un exercice"; the dossier with it. */
export async function addExercise(id: string, body: ExerciseInput): Promise<Dossier> {
  const path = `${dossierPath(id)}/exercises`;
  const answer = await request('POST', path, { body, schema: dossierResponse });
  return answer.dossier;
}

/** GET /api/firm/settings: the firm's settings ("Mode test"). */
export async function getFirmSettings(): Promise<FirmSettings> {
  return request('GET', '/api/firm/settings', { schema: firmSettingsSchema });
}

/** PUT /api/firm/settings (administrator). */
export async function saveFirmSettings(body: UpdateFirmSettingsRequest): Promise<FirmSettings> {
  return request('PUT', '/api/firm/settings', { body, schema: firmSettingsSchema });
}

/** GET /api/dossiers/:id/declarations: one page of the dossier's declarations, newest first. */
export async function listDossierDeclarations(
  dossierId: string,
  query: ListDeclarationsQuery = {},
): Promise<DeclarationPage> {
  const path = withQuery(`${dossierPath(dossierId)}/declarations`, query);
  return request('GET', path, { schema: declarationPageSchema });
}

/** POST /api/dossiers/:id/declarations: "Nouvelle déclaration" for one of its exercises. */
export async function createDeclaration(
  dossierId: string,
  body: CreateDeclarationRequest,
): Promise<DeclarationDetail> {
  const path = `${dossierPath(dossierId)}/declarations`;
  const answer = await request('POST', path, { body, schema: declarationResponse });
  return answer.declaration;
}

const declarationPath = (id: string) => `/api/declarations/${encodeURIComponent(id)}`;

/** GET /api/declarations/:id: the declaration, its forms, anomalies and status. */
export async function getDeclaration(id: string): Promise<DeclarationDetail> {
  const answer = await request('GET', declarationPath(id), { schema: declarationResponse });
  return answer.declaration;
}

/** PATCH /api/declarations/:id/cells: the editor's changes, validated again by the server. */
export async function updateDeclarationCells(
  id: string,
  body: UpdateCellsRequest,
): Promise<DeclarationDetail> {
  const path = `${declarationPath(id)}/cells`;
  const answer = await request('PATCH', path, { body, schema: declarationResponse });
  return answer.declaration;
}

/** GET /api/declarations/:id/editor: the forms of the liasse and their cells. */
export async function getDeclarationEditor(id: string): Promise<EditorLayout> {
  return request('GET', `${declarationPath(id)}/editor`, { schema: editorLayoutSchema });
}

/** GET /api/declarations/:id/table: the readable view (form, cell, label, value). */
export async function getDeclarationTable(id: string): Promise<DeclarationTable> {
  return request('GET', `${declarationPath(id)}/table`, { schema: declarationTableSchema });
}

/** GET /api/declarations/:id/interchange: "Télécharger le fichier EDI" (INFENT). */
export async function downloadInterchange(id: string): Promise<ApiFile> {
  return requestFile('GET', `${declarationPath(id)}/interchange`, {
    accept: 'application/edifact',
    fallbackName: 'declaration.edi',
  });
}

/** POST /api/declarations/import: an INFENT file of another software, sent as is. */
export async function importInterchange(file: Blob): Promise<DeclarationSummary[]> {
  const answer = await requestRaw('POST', '/api/declarations/import', {
    body: file,
    contentType: 'application/edifact',
    schema: importedDeclarationsSchema,
  });
  return answer.declarations;
}

/** POST /api/declarations/import-json: declarations in the documented integrator format. */
export async function importJson(body: unknown): Promise<DeclarationSummary[]> {
  const path = '/api/declarations/import-json';
  const answer = await request('POST', path, { body, schema: importedDeclarationsSchema });
  return answer.declarations;
}
