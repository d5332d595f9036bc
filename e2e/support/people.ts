// The people, firm and secrets the e2e tests (and the benches) seed: one spelling for all.

/** Passerelle's administrator (the first start); also the client account's, where a test says so. */
export const ADMIN = {
  email: 'alice.durand@cabinet-exemple.fr',
  password: 'cheval agrafe batterie correcte',
};

/** A collaborator of the firm. */
export const BRUNO = {
  firstName: 'Bruno',
  lastName: 'Martin',
  email: 'bruno.martin@cabinet-exemple.fr',
  password: 'girafe lumineuse sous la pluie',
};

/** Another collaborator of the firm. */
export const CHLOE = {
  firstName: 'Chloé',
  lastName: 'Petit',
  email: 'chloe.petit@cabinet-exemple.fr',
  password: 'hibou violet dans la grange',
};

/** The firm's client account on the partner portal: its administrator receives the code. */
export const PORTAL = {
  email: 'alice.portail@cabinet-exemple.fr',
  password: 'tortue orange sur le toit',
};

/** The firm as the partner registers it; its SIRET is the sender of every interchange. */
export const FIRM = { name: 'Cabinet Exemple', siret: '73282932000074' };
/** The firm's SIRET (14 digits). */
export const FIRM_SIRET = FIRM.siret;

/** The password of the signatures the tests create. */
export const SIGNATURE_PASSWORD = 'parapluie mandarine escalier volcan';
