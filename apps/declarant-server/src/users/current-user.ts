import type { CurrentUser } from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import type { AppContext } from '../context';
import { toUserView } from './user-view';
import { findFirm, type UserRow } from './users.repository';

/** The signed-in user's view, with their firm. */
export async function toCurrentUser(ctx: AppContext, user: UserRow): Promise<CurrentUser> {
  const firm = await findFirm(ctx.db);
  if (!firm) throw new AppError('NOT_FOUND', 'Cabinet introuvable.');
  return { ...toUserView(user), firm: { id: firm.id, name: firm.name } };
}
