import { PACK_ARCHIVE_TYPES, campaignPageSchema, installedCampaignSchema } from '../../campaigns';
import { defineEndpoint, fileContent } from '../../endpoint';
import { pageQuery } from '../../pages';
import { ADMINISTRATOR, CHANGE } from './common';

/** Campaign packs: the DGFiP tables the firm's administrators install. */
export const campaignsEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/campaigns',
    summary: 'Une page des packs de campagne installés, et le pack qui sert chaque millésime',
    access: 'administrator',
    query: pageQuery,
    response: campaignPageSchema,
    errors: [...ADMINISTRATOR, 'VALIDATION_ERROR'],
  }),
  install: defineEndpoint({
    method: 'POST',
    path: '/api/campaigns',
    summary:
      'Installe un pack de campagne (archive .zip ou .tar.gz : manifest.json et tables de la DGFiP), tout ou rien',
    access: 'administrator',
    body: fileContent('Une archive de pack de campagne', ...PACK_ARCHIVE_TYPES),
    status: 201,
    response: installedCampaignSchema,
    errors: [
      ...CHANGE,
      ...ADMINISTRATOR,
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
      'PACK_INVALID',
    ],
  }),
};
