// `npm run partner:campaign -- install <folder|archive>` / `-- list`: the partner operator's
// campaign packs, in the partner's database (every instance sees them).
import { runProcess } from '@passerelle/server-kit';
import { runCampaignCommand } from '../campaigns/campaign-command';
import { readPartnerConfig } from '../config';
import { openPartnerContext } from '../start';

runProcess('La commande campaign du partenaire', async () => {
  const { ctx, close } = await openPartnerContext(readPartnerConfig());
  const { code, output } = await runCampaignCommand(ctx, process.argv.slice(2));
  (code === 0 ? process.stdout : process.stderr).write(`${output}\n`);
  await close();
  process.exit(code);
});
