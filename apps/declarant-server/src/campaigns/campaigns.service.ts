// Campaign packs on the declarant: the administrators' list and installation (all or nothing,
// audited). The store and the checks are @passerelle/campaign-packs'.
import type { CampaignPack, CampaignPage } from '@passerelle/contracts';
import { installPack, pagePacks, storedInfo, type PackInfo } from '@passerelle/campaign-packs';
import { AppError } from '@passerelle/server-kit';
import { PackError, closingYearOf, readPackArchive } from '@passerelle/tdfc';
import { recordAction } from '../audit/record-action';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import { findUserById } from '../users/users.repository';

async function toApi(ctx: AppContext, packs: readonly PackInfo[]): Promise<CampaignPack[]> {
  const names = new Map<string, string>();
  for (const id of new Set(packs.flatMap((p) => (p.installedBy ? [p.installedBy] : [])))) {
    const user = await findUserById(ctx.db, id);
    names.set(id, user ? `${user.first_name} ${user.last_name}` : 'utilisateur supprimé');
  }
  return packs.map((pack) => ({
    ...pack,
    millesimes: [...pack.millesimes],
    installedBy: pack.installedBy ? (names.get(pack.installedBy) ?? null) : null,
  }));
}

/**
 * A page of the installed packs, newest first; the first page also ends with the built-in
 * packs. `served` says which pack serves each millésime now.
 */
export async function campaignPage(
  ctx: AppContext,
  query: { limit: number; cursor?: string | undefined },
): Promise<CampaignPage> {
  const served = await ctx.dictionaries.refresh();
  const page = await pagePacks(ctx.db, query);
  const stored = page.rows.map((row) => {
    const loaded = served.packs.find((p) => p.info.id === row.id);
    return loaded?.info ?? storedInfo(row);
  });
  const builtIn =
    query.cursor === undefined ? served.packs.filter((p) => p.info.builtIn).map((p) => p.info) : [];
  return {
    items: await toApi(ctx, [...stored, ...builtIn]),
    nextCursor: page.nextCursor,
    total: query.cursor === undefined ? served.packs.length : null,
    served: served.served().map(({ millesime, pack }) => ({
      millesime,
      closingYear: closingYearOf(millesime),
      campaign: pack.campaign,
      edition: pack.edition,
      packId: pack.id,
    })),
  };
}

/** Installs an uploaded pack archive; `PACK_INVALID` (French: file, line, column) otherwise. */
export async function installCampaign(
  ctx: AppContext,
  caller: Caller,
  bytes: Uint8Array,
  ip: string,
): Promise<CampaignPack> {
  let pack: PackInfo;
  try {
    pack = await installPack(ctx.db, ctx.dictionaries, {
      files: readPackArchive(bytes),
      installedBy: caller.user.id,
      at: ctx.now(),
      dialect: ctx.dialect,
    });
  } catch (error) {
    if (error instanceof PackError) throw new AppError('PACK_INVALID', error.message);
    throw error;
  }
  await recordAction(ctx, caller, ip, 'campaign.installed', {
    packId: pack.id,
    campaign: pack.campaign,
    edition: pack.edition,
    millesimes: pack.millesimes,
  });
  const [view] = await toApi(ctx, [pack]);
  return view as CampaignPack;
}
