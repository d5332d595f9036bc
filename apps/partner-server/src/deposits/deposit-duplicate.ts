import { AppError } from '@passerelle/server-kit';
import { frenchDate } from '../portal/html';
import type { FirstDeposit } from './deposits.repository';

/**
 * The refusal of an interchange the account already deposited, naming the first deposit (in the
 * message and as `depositId`): the DGFiP must receive each interchange once, and ISO 9735 makes
 * an interchange reference unique per sender.
 */
export function duplicateDeposit(first: FirstDeposit): AppError {
  const deposit = `dépôt n° ${first.id}, reçu le ${frenchDate(first.received_at, { seconds: true })}`;
  const message =
    first.match === 'content'
      ? `Ce fichier EDI a déjà été déposé (${deposit}) : un interchange n’est transmis qu’une fois à la DGFiP.`
      : `La référence d’interchange ${first.interchange_reference ?? ''} a déjà servi (${deposit}) : chaque interchange porte une référence nouvelle (UNB, élément 0020).`;
  return new AppError('DEPOSIT_DUPLICATE', message, { depositId: first.id });
}
