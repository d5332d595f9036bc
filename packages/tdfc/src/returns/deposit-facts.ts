// What the partner records of a deposit before any check (its list shows them): the UNB
// interchange reference, the test indicator and the declarant's SIREN, read leniently from
// whatever bytes came. Never throws; null when not found.
import { getComponent } from '@passerelle/edifact';
import { DEFAULT_INFENT_PROFILE } from '../infent/envelope-config';
import { scanSegments } from './syntax-scan';

export interface DepositFacts {
  /** UNB 0020. */
  interchangeReference: string | null;
  /** NAD+DT of the first message (the redevable's SIREN). */
  siren: string | null;
  /** UNB 0035 = 1. */
  testIndicator: boolean;
}

/** The UNB reference, test indicator and first SIREN of a deposited interchange, if readable. */
export function readDepositFacts(interchange: Uint8Array): DepositFacts {
  const segments = interchange instanceof Uint8Array ? scanSegments(interchange) : [];
  const unb = segments[0]?.tag === 'UNB' ? segments[0] : undefined;
  const nad = segments.find(
    (s) => s.tag === 'NAD' && getComponent(s, 1) === DEFAULT_INFENT_PROFILE.parties.declarant,
  );
  return {
    interchangeReference: (unb && getComponent(unb, 5)) || null,
    siren: (nad && getComponent(nad, 2)) || null,
    testIndicator: unb ? getComponent(unb, 11) === '1' : false,
  };
}
