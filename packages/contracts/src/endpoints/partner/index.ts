import type { Endpoint } from '../../endpoint';
import { accountsEndpoints } from './accounts';
import { depositsEndpoints } from './deposits';
import { partnerServiceEndpoints } from './documentation';
import { portalUsersEndpoints } from './portal-users';
import { sessionsEndpoints } from './sessions';
import { signaturesEndpoints } from './signatures';

export { serialParams } from './signatures';

/**
 * Every endpoint of the partner's API v1 (JSON, and the CA's files), by feature: the one place
 * each is declared. The partner registers its routes from it, its OpenAPI document is generated
 * from it, and the declarant's partner gateway calls it.
 */
export const partnerApi = {
  service: partnerServiceEndpoints,
  accounts: accountsEndpoints,
  sessions: sessionsEndpoints,
  portalUsers: portalUsersEndpoints,
  signatures: signaturesEndpoints,
  deposits: depositsEndpoints,
};

/** The partner's endpoints as one list, in the order of {@link partnerApi}. */
export const partnerEndpoints: readonly Endpoint[] = Object.values(partnerApi).flatMap(
  (feature): Endpoint[] => Object.values(feature),
);
