import { endpointList } from '../../endpoint';
import { authEndpoints } from './auth';
import { campaignsEndpoints } from './campaigns';
import { clientSpaceEndpoints } from './client-space';
import { declarationFormsEndpoints } from './declaration-forms';
import { declarationsEndpoints } from './declarations';
import { documentationEndpoints } from './documentation';
import { dossiersEndpoints } from './dossiers';
import { sendingEndpoints } from './sending';
import { signaturesEndpoints } from './signatures';
import { usersEndpoints } from './users';

/** Every endpoint of the declarant's API, by feature: the one place each is declared. */
export const declarantApi = {
  auth: authEndpoints,
  users: usersEndpoints,
  clientSpace: clientSpaceEndpoints,
  signatures: signaturesEndpoints,
  dossiers: dossiersEndpoints,
  declarations: declarationsEndpoints,
  declarationForms: declarationFormsEndpoints,
  sending: sendingEndpoints,
  campaigns: campaignsEndpoints,
  documentation: documentationEndpoints,
};

/** The declarant's endpoints as one list, in the order of {@link declarantApi}. */
export const declarantEndpoints = endpointList(declarantApi);
