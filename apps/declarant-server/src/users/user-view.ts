import type { User } from '@passerelle/contracts';
import type { UserRow } from './users.repository';

/** The API view of a user row: no password hash, only whether one is set. */
export function toUserView(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    status: row.status,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
  };
}
