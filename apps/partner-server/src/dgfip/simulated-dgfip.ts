import type { DepositError, DepositStatus } from '@passerelle/contracts';
import { processDeposit, type TdfcDictionary } from '@passerelle/tdfc';
import type { PartnerConfig } from '../config';

/** How the simulated DGFiP names itself as the sender (UNB S002) of its returns. */
export const DGFIP_SENDER = 'DGI_EDI_TDFC';

/** The DGFiP's answer to one interchange. */
export interface DgfipAnswer {
  status: DepositStatus;
  errors: DepositError[];
  contrl: string | null;
  cr: string | null;
}

/**
 * Checks 3–4 of design §4, the DGFiP's own: EDIFACT syntax (a CONTRL on error), then the
 * campaign dictionary (an INFENT CR: accepted, partially rejected or rejected) — every millésime
 * served by the built-in and installed campaign packs. The one place
 * to swap for a real channel to the DGFiP.
 */
export function answerDeposit(
  config: PartnerConfig,
  content: Uint8Array,
  now: Date,
  dictionary: TdfcDictionary,
): DgfipAnswer {
  const result = processDeposit(content, {
    recipient: config.edi.number,
    testIndicator: config.edi.environment === 'test',
    now,
    dictionary,
    returnsSender: DGFIP_SENDER,
    isKnownSiren: (siren) => !config.edi.unknownSirens.has(siren),
  });
  if (result.kind === 'syntax_rejected') {
    return { status: 'syntax_rejected', errors: result.errors, contrl: result.contrl, cr: null };
  }
  return { status: result.kind, errors: result.errors, contrl: null, cr: result.cr };
}
