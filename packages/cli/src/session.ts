import { declarantApi, type CurrentUser } from '@passerelle/contracts';
import type { Connection } from './args';
import { ApiClient } from './http/api-client';
import type { CliIo } from './io';
import { readPasswordFile } from './password/password-file';
import { promptPassword } from './password/prompt-password';
import { promptText } from './password/prompt-text';

/** A signed-in run: the client holding the session cookie, and who we are. */
export interface Session {
  client: ApiClient;
  user: CurrentUser;
}

/**
 * Signs in with the account's email and password (file, or asked without echo). The server is
 * asked first whether it is there at all, so nobody types a password for an unreachable one.
 */
export async function openSession(
  connection: Connection,
  io: CliIo,
  signal?: AbortSignal,
): Promise<Session> {
  const client = new ApiClient(connection.server, { signal });
  await client.call(declarantApi.auth.health, {});
  const email =
    connection.email ??
    (await promptText(
      io.stdin,
      io.stderr,
      'Adresse email',
      'Indiquez votre adresse email : --email <adresse> ou PASSERELLE_EMAIL.',
    ));
  const password = connection.accountPasswordFile
    ? await readPasswordFile(connection.accountPasswordFile, io.cwd)
    : await promptPassword(
        io.stdin,
        io.stderr,
        `Mot de passe du compte ${email}`,
        '--account-password-file <fichier> (ou PASSERELLE_PASSWORD_FILE)',
      );
  const user = await client.signIn(email, password);
  return { client, user };
}
