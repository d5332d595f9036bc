import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';
import { AppError } from './app-error';
import { hashPassword } from './password-hash';

/**
 * Lowest zxcvbn score accepted (0–4). 4 means at least 10^10 estimated guesses: "Azerty123456!"
 * or "Bonjour2024!!" (10^8) are refused, a four-word French passphrase is accepted.
 */
export const MIN_PASSWORD_SCORE = 4;

let factory: ZxcvbnFactory | undefined;

/** The estimator, loaded once: common passwords, French words, names and Wikipedia-fr terms. */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: fr.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...fr.dictionary },
    // Levenshtein matching costs 100–500 ms a check here for little gain at score 4.
    useLevenshteinDistance: false,
  });
  return factory;
}

/** Result of a strength check: `message` is a French explanation when refused. */
export type StrengthVerdict = { ok: true } | { ok: false; message: string };

/**
 * Estimates how guessable a password is against French and common dictionaries and the
 * person's own context (`userInputs`: names, email, firm), without any composition rule.
 */
export function checkPasswordStrength(
  password: string,
  userInputs: string[] = [],
): StrengthVerdict {
  const context = [...userInputs.flatMap((input) => input.split(/[\s@._-]+/)), 'passerelle']
    .map((word) => word.toLowerCase())
    .filter((word) => word.length >= 3);
  // The person's own names and email count for nothing: estimate what is left without them.
  let rest = password;
  for (const word of context) rest = rest.replace(new RegExp(escapeRegExp(word), 'gi'), '');
  const result: ZxcvbnResult = estimator().check(rest, context);
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(
    (hint): hint is string => typeof hint === 'string' && hint.length > 0,
  );
  return {
    ok: false,
    message: [
      'Mot de passe trop facile à deviner.',
      ...(hints.length > 0 ? hints.map(sentence) : [LONGER]),
    ].join(' '),
  };
}

const LONGER = 'Allongez-le, par exemple avec une phrase de plusieurs mots.';

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Refuses a new password that is easy to guess (400 `WEAK_PASSWORD` on `password`), judged with
 * the French dictionary and the person's own details (address, names, firm); length and
 * confirmation are checked by the shared schema before.
 */
export function assertStrongPassword(
  password: string,
  person: { email: string; firstName: string; lastName: string; firmName?: string | undefined },
): void {
  const context = [person.email, person.firstName, person.lastName, person.firmName ?? ''];
  const verdict = checkPasswordStrength(password, context);
  if (!verdict.ok) throw new AppError('WEAK_PASSWORD', verdict.message, { field: 'password' });
}

/** A new password, refused when easy to guess ({@link assertStrongPassword}), hashed to store. */
export async function hashNewPassword(
  password: string,
  person: Parameters<typeof assertStrongPassword>[1],
): Promise<string> {
  assertStrongPassword(password, person);
  return hashPassword(password);
}
