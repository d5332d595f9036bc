import { runProcess } from '@passerelle/server-kit';
import { buildApp } from './app';
import { readDeclarantConfig } from './config';
import { startDeliveryWorker } from './sending/delivery-worker';
import { startStatusSync } from './sending/status-sync';
import { prepareSetupLink } from './setup/setup.service';
import { startReminderScheduler } from './signatures/expiry-reminders';
import { openContext } from './start';

// Entry point: config, database, migrations, HTTP server, and the first-start banner.
runProcess('Passerelle (déclarant)', async () => {
  const config = readDeclarantConfig();
  const { ctx, close } = await openContext(config);
  // The campaign tables are parsed before the first request (~0.1–0.5 s of CPU): no import or
  // editor request, and nobody waiting behind it, pays for them.
  await ctx.dictionaries.current();
  const app = await buildApp(ctx);
  await app.listen({ port: config.port, host: config.host });
  const stopReminders = startReminderScheduler(ctx);
  const delivery = startDeliveryWorker(ctx);
  const statusSync = startStatusSync(ctx);
  printBanner(config.publicUrl, await prepareSetupLink(ctx));
  return async () => {
    stopReminders();
    await app.close();
    await Promise.all([delivery.stop(), statusSync.stop()]);
    await close();
  };
});

function printBanner(url: string, setupLink: string | undefined): void {
  const lines = [`Passerelle (déclarant) est prêt : ${url}`];
  if (setupLink) {
    lines.push(
      'Première configuration : ouvrez ce lien à usage unique pour créer le cabinet et son administrateur :',
      `  ${setupLink}`,
      '(un nouveau lien est imprimé à chaque démarrage tant que la configuration n’est pas faite)',
    );
  } else {
    lines.push('Connectez-vous avec votre adresse email et votre mot de passe.');
  }
  // Written to stdout apart from the JSON logs, for the person who started the server.
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}
