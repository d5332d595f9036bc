import { ConfigError } from '@passerelle/server-kit';
import { buildPartnerApp } from './app';
import { readPartnerConfig } from './config';
import { openPartnerContext } from './start';

/** Entry point of the reference EDI partner: config, database, CA, HTTP server, banner. */
async function main(): Promise<void> {
  let config;
  try {
    config = readPartnerConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Le partenaire EDI ne peut pas démarrer.\n${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const { ctx, close } = await openPartnerContext(config);
  const app = await buildPartnerApp(ctx);
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(
    `\n${config.partnerName} (partenaire EDI) est prêt :\n` +
      `  portail (espace client) : ${config.publicUrl}/portail\n` +
      `  API v1 et sa documentation : ${config.publicUrl}/api/v1/docs\n\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app
        .close()
        .then(close)
        .then(() => process.exit(0));
    });
  }
}

void main().catch((error: unknown) => {
  console.error('Le partenaire EDI s’est arrêté sur une erreur :', error);
  process.exit(1);
});
