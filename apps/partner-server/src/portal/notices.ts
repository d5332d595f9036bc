import type { Account } from '@passerelle/contracts';

/**
 * Confirmations shown after a redirect, chosen by a short key in `?message=`: the query never
 * carries text of its own, so a crafted link cannot put words on the page.
 */
const DASHBOARD_NOTICES: Record<string, (account: Account) => string> = {
  'code-envoye': (account) =>
    `Un nouveau code a été envoyé à ${account.subscription.codeSentTo ?? account.adminEmail}. L’ancien code ne fonctionne plus.`,
  'signature-revoquee': () => 'Signature révoquée : elle ne peut plus servir à signer un dépôt.',
  'connexion-revoquee': () => 'Connexion révoquée.',
  'invitation-envoyee': () =>
    'Invitation envoyée : la personne choisit son mot de passe avec le lien reçu par email.',
  'utilisateur-revoque': () =>
    'Utilisateur révoqué : ses sessions et ses connexions sont fermées et ses signatures valides révoquées.',
  'mot-de-passe-change': () =>
    'Mot de passe changé. Les autres sessions et les connexions des logiciels ont été fermées : reconnectez-les avec le nouveau mot de passe.',
};

const SIGN_IN_NOTICES: Record<string, string> = {
  'invitation-acceptee':
    'Mot de passe enregistré : connectez-vous avec votre adresse email et ce mot de passe.',
  deconnecte: 'Vous êtes déconnecté de l’espace client.',
  'session-expiree': 'Votre session a expiré : reconnectez-vous.',
  'mot-de-passe-change':
    'Mot de passe changé : connectez-vous avec le nouveau mot de passe. Les sessions ouvertes et les connexions des logiciels ont été fermées.',
};

/** The key in a `?message=` query, when it is one (anything else is ignored). */
function messageKey(query: unknown): string {
  if (typeof query !== 'object' || query === null || !('message' in query)) return '';
  return typeof query.message === 'string' ? query.message : '';
}

/** The dashboard's confirmation named by the query, if any. */
export function dashboardNotice(query: unknown, account: Account): string | undefined {
  const key = messageKey(query);
  return Object.hasOwn(DASHBOARD_NOTICES, key) ? DASHBOARD_NOTICES[key]?.(account) : undefined;
}

/** The sign-in page's notice named by the query, if any. */
export function signInNotice(query: unknown): string | undefined {
  const key = messageKey(query);
  return Object.hasOwn(SIGN_IN_NOTICES, key) ? SIGN_IN_NOTICES[key] : undefined;
}
