import { AppError } from '@passerelle/server-kit';

/** 401 SESSION_EXPIRED: the session timed out, was signed out, or ended for another reason. */
export function sessionExpired(): AppError {
  return new AppError('SESSION_EXPIRED', 'Votre session a expiré, reconnectez-vous.');
}

/** 403 ACCOUNT_INACTIVE: told to the person themselves (their password or their session). */
export function accountInactive(): AppError {
  return new AppError(
    'ACCOUNT_INACTIVE',
    'Votre compte est inactif. Contactez l’administrateur du cabinet.',
  );
}
