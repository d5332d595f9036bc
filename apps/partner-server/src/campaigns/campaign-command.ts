// The operator's campaign commands (`npm run partner:campaign -- install <folder|archive>`,
// `… list`): the simulated DGFiP accepts a millésime only once a pack serving it is installed.
import { readFileSync, statSync } from 'node:fs';
import { installPack } from '@passerelle/campaign-packs';
import { PackError, closingYearOf, readPackArchive, readPackFolder } from '@passerelle/tdfc';
import type { PartnerContext } from '../context';

export const CAMPAIGN_USAGE =
  'Usage : npm run partner:campaign -- install <dossier|archive .zip/.tar.gz> | list';

/** Runs one campaign command; returns the exit code and what to print. */
export async function runCampaignCommand(
  ctx: Pick<PartnerContext, 'db' | 'dialect' | 'dictionaries' | 'now'>,
  args: readonly string[],
): Promise<{ code: number; output: string }> {
  const [verb, path] = args;
  if (verb === 'install' && path) {
    try {
      const files = statSync(path).isDirectory()
        ? readPackFolder(path)
        : readPackArchive(new Uint8Array(readFileSync(path)));
      const pack = await installPack(ctx.db, ctx.dictionaries, {
        files,
        installedBy: 'operator',
        at: ctx.now(),
        dialect: ctx.dialect,
      });
      return {
        code: 0,
        output: `Campagne ${pack.campaign} (édition ${pack.edition}) installée : millésime(s) ${pack.millesimes.join(', ')}.`,
      };
    } catch (error) {
      if (error instanceof PackError) return { code: 1, output: error.message };
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { code: 1, output: `Introuvable : ${path}` };
      }
      throw error;
    }
  }
  if (verb === 'list') {
    const served = (await ctx.dictionaries.refresh()).served();
    const lines = served.map(
      ({ millesime, pack }) =>
        `millésime ${millesime} (exercices clos en ${closingYearOf(millesime)}) : campagne ${pack.campaign}, édition ${pack.edition}${pack.builtIn ? ' (livrée avec Passerelle)' : `, installée le ${pack.installedAt}`}`,
    );
    return { code: 0, output: lines.join('\n') };
  }
  return { code: 2, output: CAMPAIGN_USAGE };
}
