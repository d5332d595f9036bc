import { describe, expect, it } from 'vitest';
import { errorStatus } from '@passerelle/contracts';
import { messages, rateLimitedMessage } from './messages';

describe('messages', () => {
  it('has a non-empty French sentence for every error code of the contracts', () => {
    for (const code of Object.keys(errorStatus)) {
      expect(messages[code as keyof typeof messages], code).toMatch(/\S/);
    }
    expect(Object.keys(messages).sort()).toEqual(Object.keys(errorStatus).sort());
  });

  it('uses the sentences the product requires', () => {
    expect(messages.INVALID_CREDENTIALS).toBe('Adresse email ou mot de passe incorrect.');
    expect(messages.ACCOUNT_INACTIVE).toBe(
      'Votre compte est inactif. Contactez l’administrateur du cabinet.',
    );
    expect(messages.SESSION_EXPIRED).toBe('Votre session a expiré, reconnectez-vous.');
    expect(messages.EMAIL_TAKEN).toBe('Cette adresse email est déjà utilisée.');
    expect(messages.LAST_ADMIN).toBe('Impossible de désactiver le dernier administrateur actif.');
    expect(messages.PASSWORD_TOKEN_INVALID).toBe(
      'Ce lien n’est plus valide. Demandez un nouveau lien à votre administrateur.',
    );
  });

  it('uses the sentences the signatures require', () => {
    expect(messages.CLIENT_SPACE_NOT_CONNECTED).toBe(
      'Connectez-vous d’abord à l’espace client (Compte utilisateur).',
    );
    expect(messages.SIGNATURE_IN_PROGRESS).toBe('Une création de signature est déjà en cours.');
    expect(messages.WRONG_SIGNATURE_PASSWORD).toBe('Mot de passe de la signature incorrect.');
  });

  it('turns Retry-After seconds into whole minutes', () => {
    expect(rateLimitedMessage(900)).toBe('Trop de tentatives. Réessayez dans 15 minutes.');
    expect(rateLimitedMessage(61)).toBe('Trop de tentatives. Réessayez dans 2 minutes.');
    expect(rateLimitedMessage(30)).toBe('Trop de tentatives. Réessayez dans 1 minute.');
    expect(rateLimitedMessage(undefined)).toBe(messages.RATE_LIMITED);
  });
});
