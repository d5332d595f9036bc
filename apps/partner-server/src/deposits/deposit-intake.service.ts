import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { DepositAccepted, DepositReceipt } from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import type { AccountRow } from '../accounts/accounts.repository';
import type { PartnerContext } from '../context';
import { signReceipt } from './deposit-receipt';
import { checkDepositSeal } from './deposit-seal';
import { toDepositView, type DepositEvent } from './deposit-view';
import { duplicateDeposit } from './deposit-duplicate';
import {
  findDepositByKey,
  findFirstDepositOfInterchange,
  insertDepositOnce,
} from './deposits.repository';
import { readInterchangeFacts } from './interchange-facts';

type StoredDeposit = NonNullable<Awaited<ReturnType<typeof findDepositByKey>>>;

/**
 * The answer to a deposit already stored under this key: the same receipt, byte for byte,
 * when the body is the same (compared by SHA-256 in constant time); 422 when it is another.
 */
function replay(stored: StoredDeposit, bodySha256: Buffer): DepositAccepted {
  const storedSha256 = Buffer.from(stored.body_sha256, 'hex');
  if (storedSha256.length !== bodySha256.length || !timingSafeEqual(storedSha256, bodySha256)) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'Cet identifiant de transmission (Idempotency-Key) a déjà servi pour un autre fichier.',
    );
  }
  return {
    deposit: toDepositView(stored),
    receipt: Buffer.from(stored.receipt).toString('base64'),
  };
}

/**
 * Receives one deposit of the account under its Idempotency-Key. A key already used answers
 * as {@link replay}. Otherwise checks 1–2 run (refusals store nothing), the receipt is signed,
 * and the deposit — body, content, digests, signer, receipt, history `received` — is inserted
 * once: of concurrent identical requests, one row wins and all answer its receipt; an
 * interchange the account already deposited (same content or same UNB reference, under any
 * key) is refused as DEPOSIT_DUPLICATE naming the first deposit.
 */
export async function receiveDeposit(
  ctx: PartnerContext,
  account: AccountRow,
  key: string,
  body: Buffer,
): Promise<DepositAccepted> {
  const bodySha256 = createHash('sha256').update(body).digest();
  const earlier = await findDepositByKey(ctx.db, account.id, key);
  if (earlier) return replay(earlier, bodySha256);

  const receivedAt = ctx.now();
  const sealed = await checkDepositSeal(ctx, account, body, receivedAt);
  const facts = await readInterchangeFacts(sealed.content);
  const contentSha256 = createHash('sha256').update(sealed.content).digest('hex');
  const id = randomUUID();
  const at = receivedAt.toISOString();
  const receipt: DepositReceipt = {
    type: 'passerelle-deposit-receipt',
    version: 1,
    depositId: id,
    transmissionId: key,
    accountId: account.id,
    bodySha256: bodySha256.toString('hex'),
    receivedAt: at,
  };
  const history: DepositEvent[] = [{ status: 'received', at }];
  const row = {
    id,
    account_id: account.id,
    idempotency_key: key,
    status: 'received' as const,
    received_at: at,
    updated_at: at,
    body_sha256: receipt.bodySha256,
    content_sha256: contentSha256,
    duplicate_of: null,
    body_size: body.length,
    signer_serial: sealed.signerSerial,
    signing_time: sealed.signingTime.toISOString(),
    interchange_reference: facts.reference,
    siren: facts.siren,
    test_indicator: facts.test ? 1 : 0,
    history: JSON.stringify(history),
    errors: '[]',
    contrl: null,
    cr: null,
    locked_by: null,
    locked_until: null,
    receipt: await signReceipt(ctx.receiptSigner, receipt),
    content: sealed.content,
    body,
  };
  if (!(await insertDepositOnce(ctx.db, row))) {
    // A concurrent request with this key committed first: its deposit is the one. Otherwise
    // the account holds this interchange already, under another key.
    const winner = await findDepositByKey(ctx.db, account.id, key);
    if (winner) return replay(winner, bodySha256);
    const first = await findFirstDepositOfInterchange(
      ctx.db,
      account.id,
      contentSha256,
      facts.reference,
    );
    if (!first) throw new Error('deposit missing after a conflicting insert');
    throw duplicateDeposit(first);
  }
  ctx.logger.info(
    { depositId: id, accountId: account.id, bytes: body.length, signer: sealed.signerSerial },
    'deposit received',
  );
  return { deposit: toDepositView(row), receipt: row.receipt.toString('base64') };
}
