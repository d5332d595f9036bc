import { z } from 'zod';
import { pageOf } from './pages';

// Campaign packs (issue #16): the DGFiP's tables of one campaign, installed by an administrator
// without a new release of Passerelle.

/** Largest pack archive `POST /api/campaigns` reads (the 2025 tables: 0.2 MB zipped). */
export const MAX_PACK_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Content types of a pack archive upload. */
export const PACK_ARCHIVE_TYPES = [
  'application/zip',
  'application/gzip',
  'application/x-gzip',
  'application/x-tar',
  'application/octet-stream',
] as const;

/** One campaign pack, built in or installed. */
export const campaignPackSchema = z.object({
  id: z.string(),
  campaign: z.string(),
  edition: z.number().int(),
  /** A corrected edition of its campaign, serving its millésimes in place of the earlier one. */
  correction: z.boolean(),
  millesimes: z.array(z.string()),
  source: z.string(),
  publishedAt: z.string().nullable(),
  /** Null for a pack shipped with Passerelle. */
  installedAt: z.string().nullable(),
  /** Name of the administrator who installed it; null for a built-in pack. */
  installedBy: z.string().nullable(),
  builtIn: z.boolean(),
});
export type CampaignPack = z.infer<typeof campaignPackSchema>;

/** Which pack serves a millésime: millésime 26 = exercises closed in 2025. */
export const servedMillesimeSchema = z.object({
  millesime: z.string(),
  closingYear: z.number().int(),
  campaign: z.string(),
  edition: z.number().int(),
  packId: z.string(),
});
export type ServedMillesime = z.infer<typeof servedMillesimeSchema>;

/**
 * `GET /api/campaigns`: a page of the installed packs, newest installation first (the built-in
 * packs close the list, on the first page), and which pack serves each millésime.
 */
export const campaignPageSchema = pageOf(campaignPackSchema).extend({
  served: z.array(servedMillesimeSchema),
});
export type CampaignPage = z.infer<typeof campaignPageSchema>;

/** `POST /api/campaigns` (201): the installed pack. */
export const installedCampaignSchema = z.object({ pack: campaignPackSchema });
export type InstalledCampaign = z.infer<typeof installedCampaignSchema>;
