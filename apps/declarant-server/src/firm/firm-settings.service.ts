import type { FirmSettings } from '@passerelle/contracts';
import type { AppContext } from '../context';
import { findFirmSettings } from './firm-settings.repository';

/** The firm's settings (test mode, SIRET); read by the interchange writer. */
export async function firmSettings(ctx: AppContext, firmId: string): Promise<FirmSettings> {
  const row = await findFirmSettings(ctx.db, firmId);
  return { testMode: Number(row?.test_mode ?? 0) === 1, siret: row?.siret ?? null };
}
