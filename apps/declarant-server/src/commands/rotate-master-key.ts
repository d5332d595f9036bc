// `npm run rotate-master-key [-- --retire]`: rotates the declarant's master key.
//  - With the key file of the embedded default: appends a new key, re-seals every stored secret
//    under it; with --retire, then drops the old keys from the file.
//  - With MASTER_KEY from the environment: put the new key last in MASTER_KEY first; the
//    command re-seals under it and says when the old ids can be removed.
import { rename, writeFile } from 'node:fs/promises';
import {
  addKey,
  formatKeyring,
  loadKeyringFile,
  parseKeyring,
  runProcess,
} from '@passerelle/server-kit';
import { resealSecrets } from '../partner/reseal-secrets';
import { readDeclarantConfig } from '../config';
import { openContext } from '../start';

runProcess('La rotation de la clé maître', async () => {
  const retire = process.argv.includes('--retire');
  const config = readDeclarantConfig();
  const fromFile = config.masterKey === undefined;
  let keyring = fromFile
    ? loadKeyringFile(config.masterKeyFile, { create: true })
    : parseKeyring(config.masterKey ?? '');
  if (fromFile) {
    keyring = addKey(keyring);
    await writeKeyFile(config.masterKeyFile, formatKeyring(keyring));
    console.log(`Nouvelle clé maître « ${keyring.currentId} » ajoutée à ${config.masterKeyFile}.`);
  }
  const { ctx, close } = await openContext(config, { keyring });
  const { resealed } = await resealSecrets(ctx.db, keyring, new Date());
  console.log(`${resealed} secret(s) rechiffré(s) sous la clé « ${keyring.currentId} ».`);
  const old = [...keyring.keys.keys()].filter((id) => id !== keyring.currentId);
  if (old.length > 0 && retire && fromFile) {
    const current = keyring.keys.get(keyring.currentId);
    if (current)
      await writeKeyFile(
        config.masterKeyFile,
        formatKeyring({
          currentId: keyring.currentId,
          keys: new Map([[keyring.currentId, current]]),
        }),
      );
    console.log(`Anciennes clés retirées : ${old.join(', ')}.`);
  } else if (old.length > 0) {
    console.log(
      `Plus aucun secret n’utilise ${old.join(', ')} : ces clés peuvent être retirées (--retire, ou de MASTER_KEY).`,
    );
  }
  await close();
  process.exit(0);
});

/** Replaces the key file atomically, mode 0600. */
async function writeKeyFile(file: string, text: string) {
  await writeFile(`${file}.tmp`, `${text}\n`, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}
