import { createHash, randomUUID } from 'node:crypto';
import type { CreateSendingRequest, TransmissionStatus } from '@passerelle/contracts';
import { createCmsSigner, type CmsSigner } from '@passerelle/pki';
import { AppError } from '@passerelle/server-kit';
import {
  InfentError,
  writeInfentInterchange,
  type InfentEnvelope,
  type TdfcDictionary,
} from '@passerelle/tdfc';
import { appendAuditEvent } from '../audit/audit.repository';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import {
  findDeclarationsByIds,
  markDeclarationQueued,
  type DeclarationListRow,
} from '../declarations/declarations.repository';
import { declarationOf, dictionariesFor } from '../declarations/declarations.service';
import { firmEnvelope, newControlReference } from '../declarations/interchange.service';
import { findUsableSignature, unlockSignature } from '../signatures/signature-unlock.service';
import { wakeDeliveryWorker } from './delivery-worker';
import { insertSending, queueTransmission } from './transmissions.repository';

/**
 * Latest-transmission statuses after which a "prête" declaration may be sent anew: nothing of
 * it is at the DGFiP. (After "Échec d'envoi", "Relancer" resends the same bytes instead: the
 * partner may hold them already.)
 */
const SENDABLE_AGAIN: readonly (TransmissionStatus | null)[] = [
  null,
  'partner_refused',
  'syntax_rejected',
  'rejected',
];

/** One declaration signed and ready to be committed. */
interface Signed {
  declaration: DeclarationListRow;
  transmissionId: string;
  reference: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * "Envoyer": signs every declaration of the batch with the caller's signature (its password is
 * asked once) and commits, in one transaction, each signed file with its transmission row — the
 * outbox the delivery worker drains. Either the whole batch is queued or nothing is: a crash or
 * a refusal before the commit leaves every declaration "prête". The key is opened once, in
 * memory, for this request only.
 */
export async function sendDeclarations(
  ctx: AppContext,
  caller: Caller,
  input: CreateSendingRequest,
  ip: string,
): Promise<{ sendingId: string; transmissionIds: string[] }> {
  const declarations = await sendableDeclarations(ctx, [...new Set(input.declarationIds)]);
  await findUsableSignature(ctx, caller.user.id, input.signatureId);
  const envelope = await firmEnvelope(ctx, caller);
  await assertSameEnvironment(ctx, caller.user.id, envelope.test);

  const { row: signature, privateKeyPkcs8 } = await unlockSignature(ctx, {
    userId: caller.user.id,
    signatureId: input.signatureId,
    password: input.password,
    ip,
    field: 'password',
  });
  let signer: CmsSigner;
  try {
    signer = await createCmsSigner({ privateKeyPkcs8, certificatePem: signature.certificate_pem });
  } finally {
    privateKeyPkcs8.fill(0);
  }
  const signed: Signed[] = [];
  for (const declaration of declarations) {
    const { combined } = await dictionariesFor(ctx, declaration.millesime);
    signed.push(await signOne(signer, combined, declaration, envelope, ctx.now()));
  }

  const sendingId = randomUUID();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await insertSending(tx, { id: sendingId, userId: caller.user.id, total: signed.length, at });
    for (const item of signed) {
      await queueTransmission(
        tx,
        {
          id: item.transmissionId,
          sendingId,
          declarationId: item.declaration.id,
          userId: caller.user.id,
          signatureId: signature.id,
          signedBytes: item.bytes,
          bodySha256: item.sha256,
          interchangeReference: item.reference,
          testMode: envelope.test,
          detail: `Signée par ${caller.user.first_name} ${caller.user.last_name}`,
        },
        at,
      );
      // Only if it did not change since it was read and signed (an edit, another send).
      const claimed = await markDeclarationQueued(
        tx,
        item.declaration.id,
        Number(item.declaration.version),
        item.transmissionId,
      );
      if (!claimed) {
        throw new AppError(
          'DECLARATION_CHANGED',
          `${describe(item.declaration)} a été modifiée ou envoyée entre-temps : rien n’a été envoyé.`,
        );
      }
    }
    await appendAuditEvent(
      tx,
      {
        action: 'declarations.sent',
        actorUserId: caller.user.id,
        ip,
        details: {
          sendingId,
          count: signed.length,
          signatureSerial: signature.serial,
          declarationIds: signed.map((item) => item.declaration.id),
        },
      },
      new Date(at),
    );
  });
  wakeDeliveryWorker(ctx);
  return { sendingId, transmissionIds: signed.map((item) => item.transmissionId) };
}

const describe = (row: DeclarationListRow) =>
  `La déclaration de ${row.dossier_name} (exercice clos le ${frenchDay(row.exercise_end)})`;
const frenchDay = (iso: string) => iso.split('-').reverse().join('/');

async function sendableDeclarations(ctx: AppContext, ids: string[]): Promise<DeclarationListRow[]> {
  const rows = await findDeclarationsByIds(ctx.db, ids);
  if (rows.length !== ids.length) {
    throw new AppError('NOT_FOUND', 'Une des déclarations choisies est introuvable.', {
      field: 'declarationIds',
    });
  }
  const notReady = rows.filter(
    (row) => row.status !== 'ready' || !SENDABLE_AGAIN.includes(row.transmission_status),
  );
  if (notReady.length > 0) {
    const names = notReady.slice(0, 3).map(describe).join(' ; ');
    const more = notReady.length > 3 ? ` (et ${notReady.length - 3} autre(s))` : '';
    throw new AppError(
      'DECLARATION_NOT_READY',
      `Seules les déclarations « Prête » peuvent être envoyées. ${names}${more} : pas prête.`,
      { field: 'declarationIds' },
    );
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) as DeclarationListRow);
}

/**
 * The firm's "mode test" must match the partner's environment: a test interchange sent to
 * production (or the reverse) would be refused by the DGFiP. This call also proves the client
 * space is connected before the password is even checked.
 */
async function assertSameEnvironment(ctx: AppContext, userId: string, test: boolean) {
  const policy = await ctx.partner.asUser(userId, (partner) => partner.getDepositPolicy());
  if ((policy.environment === 'test') !== test) {
    throw new AppError(
      'TEST_MODE_MISMATCH',
      test
        ? 'Le cabinet est en « mode test » mais le partenaire EDI est en production : désactivez le mode test (Paramètres du cabinet) pour déclarer pour de bon.'
        : 'Le partenaire EDI est un environnement de test : activez le « mode test » (Paramètres du cabinet) pour lui envoyer des déclarations.',
    );
  }
}

async function signOne(
  signer: CmsSigner,
  dictionary: TdfcDictionary,
  declaration: DeclarationListRow,
  envelope: InfentEnvelope,
  now: Date,
): Promise<Signed> {
  const reference = newControlReference(now);
  let interchange: Uint8Array;
  try {
    interchange = writeInfentInterchange(dictionary, [declarationOf(declaration)], {
      ...envelope,
      controlReference: reference,
    });
  } catch (error) {
    if (error instanceof InfentError) {
      throw new AppError('INTERCHANGE_INVALID', `${describe(declaration)} : ${error.message}`);
    }
    throw error;
  }
  const bytes = await signer.sign(interchange, now);
  return {
    declaration,
    transmissionId: randomUUID(),
    reference,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
