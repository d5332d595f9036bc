import { runProcess } from '@passerelle/server-kit';
import { buildPartnerApp } from './app';
import { readPartnerConfig } from './config';
import { startDgfipWorker } from './dgfip/dgfip-worker';
import { openPartnerContext } from './start';

// Entry point of the reference EDI partner: config, database, CA, HTTP server, the simulated
// DGFiP worker, banner.
runProcess('Le partenaire EDI', async () => {
  const config = readPartnerConfig();
  const { ctx, close } = await openPartnerContext(config);
  const app = await buildPartnerApp(ctx);
  await app.listen({ port: config.port, host: config.host });
  const dgfip = startDgfipWorker(ctx);
  process.stdout.write(
    `\n${config.partnerName} (partenaire EDI) est prêt :\n` +
      `  portail (espace client) : ${config.publicUrl}/portail\n` +
      `  API v1 et sa documentation : ${config.publicUrl}/api/v1/docs\n\n`,
  );
  return async () => {
    await dgfip.stop();
    await app.close();
    await close();
  };
});
