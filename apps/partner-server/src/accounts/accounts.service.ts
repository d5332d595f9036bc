import type { Account } from '@passerelle/contracts';
import type { PartnerContext } from '../context';
import { findCurrentCode } from '../subscription/codes.repository';
import type { AccountRow } from './accounts.repository';

/** The API view of an account, with its subscription (when and where the code was sent). */
export async function toAccountView(ctx: PartnerContext, row: AccountRow): Promise<Account> {
  const code = await findCurrentCode(ctx.db, row.id);
  return {
    id: row.id,
    firmName: row.firm_name,
    siret: row.siret,
    adminFirstName: row.admin_first_name,
    adminLastName: row.admin_last_name,
    adminEmail: row.admin_email,
    emailVerified: row.email_verified_at !== null,
    subscription: {
      status: code ? 'active' : 'none',
      codeSentAt: code?.created_at ?? null,
      codeSentTo: code?.sent_to ?? null,
    },
    createdAt: row.created_at,
  };
}
