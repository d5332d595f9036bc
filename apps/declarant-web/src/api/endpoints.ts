// One typed function per declarant API endpoint, each a call of the contracts' endpoint table.
import { PAGE_SIZE_MAX, declarantApi } from '@passerelle/contracts';
import type {
  AddableForm,
  AddFormRequest,
  AuditPage,
  CampaignPack,
  CampaignPage,
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
import { call, callFile } from './client';
import type { ApiFile } from './client';

const {
  auth,
  users,
  clientSpace,
  signatures,
  dossiers,
  declarations,
  declarationForms,
  campaigns,
} = declarantApi;

/** GET /api/setup: whether the first start still waits for its administrator. */
export async function getSetupNeeded(): Promise<boolean> {
  return (await call(auth.setupStatus)).needed;
}

/** POST /api/setup: creates the firm and its first administrator (signs them in). */
export async function completeSetup(body: SetupRequest): Promise<User> {
  return (await call(auth.setup, { body })).user;
}

/** POST /api/session: signs in. */
export async function signIn(body: SignInRequest): Promise<CurrentUser> {
  return (await call(auth.signIn, { body })).user;
}

/** GET /api/session: the signed-in user; `auth: false` when probing at start. */
export async function getSession(signedIn = true): Promise<CurrentUser> {
  return (await call(auth.session, { auth: signedIn })).user;
}

/** DELETE /api/session: signs out. */
export async function signOut(): Promise<void> {
  await call(auth.signOut, { auth: false });
}

/** POST /api/me/password: changes the signed-in user's own password. */
export async function changePassword(body: ChangePasswordRequest): Promise<void> {
  await call(auth.changePassword, { body });
}

/** GET /api/users (administrator): one page, by last then first name. */
export async function listUsers(query: PageQuery = {}): Promise<UserPage> {
  return call(users.list, { query });
}

/** POST /api/users (administrator): the new user and their invitation link. */
export async function createUser(body: CreateUserRequest): Promise<CreateUserResponse> {
  return call(users.create, { body });
}

/** PATCH /api/users/:id/status (administrator). */
export async function setUserStatus(id: string, status: UserStatus): Promise<User> {
  return (await call(users.setStatus, { params: { id }, body: { status } })).user;
}

/** POST /api/users/:id/password-reset (administrator): a one-time reset link. */
export async function createPasswordReset(id: string): Promise<PasswordLink> {
  return (await call(users.passwordReset, { params: { id } })).link;
}

/** POST /api/password-tokens/lookup: who a one-time link is for. */
export async function lookupPasswordToken(token: string): Promise<PasswordTokenInfo> {
  return call(users.lookupPasswordToken, { body: { token } });
}

/** POST /api/password-tokens/use: chooses a password through a one-time link. */
export async function setPasswordWithToken(body: UsePasswordTokenRequest): Promise<void> {
  await call(users.usePasswordToken, { body });
}

/** GET /api/audit-events (administrator): one page, newest first. */
export async function listAuditEvents(query: PageQuery = {}): Promise<AuditPage> {
  return call(users.auditEvents, { query });
}

/** GET /api/me/client-space: the "Espace client" tag and why it is not connected. */
export async function getClientSpace(): Promise<ClientSpaceStatus> {
  return call(clientSpace.status);
}

/** POST /api/me/client-space: connects with the portal credentials (the password is not kept). */
export async function connectClientSpace(
  body: ConnectClientSpaceRequest,
): Promise<ClientSpaceStatus> {
  return call(clientSpace.connect, { body });
}

/** DELETE /api/me/client-space: "Se déconnecter" of the client space. */
export async function disconnectClientSpace(): Promise<ClientSpaceStatus> {
  return call(clientSpace.disconnect);
}

/**
 * GET /api/me/signatures: the signed-in user's own signatures, newest first — the first page of
 * the largest size, which holds every signature a person has in practice (one every year or so).
 */
export async function listMySignatures(): Promise<DeclarantSignature[]> {
  return (await call(signatures.mine, { query: { limit: PAGE_SIZE_MAX } })).items;
}

/** GET /api/me/signature-options: validity durations and key types, read from the partner. */
export async function getSignatureOptions(): Promise<SignatureOptions> {
  return call(signatures.options);
}

/** POST /api/me/signatures: "Ajouter une signature". */
export async function createSignature(body: CreateSignatureRequest): Promise<DeclarantSignature> {
  return (await call(signatures.create, { body })).signature;
}

/** GET /api/signatures (administrator): one page of the firm's signatures, newest first. */
export async function listFirmSignatures(query: PageQuery = {}): Promise<SignaturePage> {
  return call(signatures.firm, { query });
}

/** POST /api/signatures/:id/revocation: "Révoquer" (definitive). */
export async function revokeSignature(id: string): Promise<DeclarantSignature> {
  return (await call(signatures.revoke, { params: { id }, body: {} })).signature;
}

/** POST /api/signatures/:id/password: "Changer le mot de passe" of a signature. */
export async function changeSignaturePassword(
  id: string,
  body: ChangeSignaturePasswordRequest,
): Promise<void> {
  await call(signatures.changePassword, { params: { id }, body });
}

/** POST /api/signatures/:id/export: "Exporter (.p12)", the PKCS#12 file and its name. */
export async function exportSignature(id: string, body: ExportSignatureRequest): Promise<ApiFile> {
  return callFile(signatures.export, 'signature.p12', { params: { id }, body });
}

/** GET /api/dossiers: one page of the firm's dossiers by name (a search's when `q` is given). */
export async function listDossiers(query: ListDossiersQuery = {}): Promise<DossierPage> {
  return call(dossiers.list, { query });
}

/** GET /api/dossiers/:id: one dossier with its exercises. */
export async function getDossier(id: string): Promise<Dossier> {
  return (await call(dossiers.get, { params: { id } })).dossier;
}

/** POST /api/dossiers: "Créer un dossier". */
export async function createDossier(body: DossierInput): Promise<Dossier> {
  return (await call(dossiers.create, { body })).dossier;
}

/** PUT /api/dossiers/:id: changes a dossier's identity. */
export async function updateDossier(id: string, body: DossierInput): Promise<Dossier> {
  return (await call(dossiers.update, { params: { id }, body })).dossier;
}

/** POST /api/dossiers/:id/exercises: "Ajouter un exercice"; the dossier with it. */
export async function addExercise(id: string, body: ExerciseInput): Promise<Dossier> {
  return (await call(dossiers.addExercise, { params: { id }, body })).dossier;
}

/** GET /api/firm/settings: the firm's settings ("Mode test"). */
export async function getFirmSettings(): Promise<FirmSettings> {
  return call(dossiers.firmSettings);
}

/** PUT /api/firm/settings (administrator). */
export async function saveFirmSettings(body: UpdateFirmSettingsRequest): Promise<FirmSettings> {
  return call(dossiers.saveFirmSettings, { body });
}

/** GET /api/dossiers/:id/declarations: one page of the dossier's declarations, newest first. */
export async function listDossierDeclarations(
  dossierId: string,
  query: ListDeclarationsQuery = {},
): Promise<DeclarationPage> {
  return call(declarations.ofDossier, { params: { id: dossierId }, query });
}

/** POST /api/dossiers/:id/declarations: "Nouvelle déclaration" for one of its exercises. */
export async function createDeclaration(
  dossierId: string,
  body: CreateDeclarationRequest,
): Promise<DeclarationDetail> {
  return (await call(declarations.create, { params: { id: dossierId }, body })).declaration;
}

/** GET /api/declarations/:id: the declaration, its forms, anomalies and status. */
export async function getDeclaration(id: string): Promise<DeclarationDetail> {
  return (await call(declarations.get, { params: { id } })).declaration;
}

/** PATCH /api/declarations/:id/cells: the editor's changes, validated again by the server. */
export async function updateDeclarationCells(
  id: string,
  body: UpdateCellsRequest,
): Promise<DeclarationDetail> {
  return (await call(declarations.updateCells, { params: { id }, body })).declaration;
}

/** GET /api/declarations/:id/editor: the forms of the liasse and their cells. */
export async function getDeclarationEditor(id: string): Promise<EditorLayout> {
  return call(declarations.editor, { params: { id } });
}

/** GET /api/declarations/:id/addable-forms: the forms the declaration's régime allows to add. */
export async function getAddableForms(id: string): Promise<AddableForm[]> {
  return (await call(declarationForms.addable, { params: { id } })).forms;
}

/** POST /api/declarations/:id/forms: adds one empty occurrence of an addable form. */
export async function addDeclarationForm(
  id: string,
  body: AddFormRequest,
): Promise<DeclarationDetail> {
  return (await call(declarationForms.add, { params: { id }, body })).declaration;
}

/** GET /api/declarations/:id/table: the readable view (form, cell, label, value). */
export async function getDeclarationTable(id: string): Promise<DeclarationTable> {
  return call(declarations.table, { params: { id } });
}

/** GET /api/declarations/:id/interchange: "Télécharger le fichier EDI" (INFENT). */
export async function downloadInterchange(id: string): Promise<ApiFile> {
  return callFile(declarations.interchange, 'declaration.edi', { params: { id } });
}

/** GET /api/campaigns (administrator): a page of the packs, and which serves each millésime. */
export async function listCampaigns(query: PageQuery = {}): Promise<CampaignPage> {
  return call(campaigns.list, { query });
}

/** POST /api/campaigns (administrator): installs a pack archive (.zip or .tar.gz), all or nothing. */
export async function installCampaign(file: Blob): Promise<CampaignPack> {
  return (await call(campaigns.install, { body: file })).pack;
}

/** GET /api/declarations/:id/pdf: "Télécharger le PDF" (the declaration as on paper). */
export async function downloadDeclarationPdf(id: string): Promise<ApiFile> {
  return callFile(declarations.pdf, 'declaration.pdf', { params: { id } });
}

/** POST /api/declarations/import: an INFENT file of another software, sent as is. */
export async function importInterchange(file: Blob): Promise<DeclarationSummary[]> {
  return (await call(declarations.importInterchange, { body: file })).declarations;
}

/** POST /api/declarations/import-json: declarations in the documented integrator format. */
export async function importJson(body: unknown): Promise<DeclarationSummary[]> {
  return (await call(declarations.importJson, { body })).declarations;
}
