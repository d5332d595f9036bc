import { ConfigError } from './config';
import { DataPermissionError } from './data-permissions';

/**
 * Runs a server's entry point: files it creates are private (umask 077); a configuration error
 * or data readable by others prints every problem and exits 2, any other failure exits 1;
 * `main` returns what to close on SIGINT/SIGTERM (then exit 0).
 */
export function runProcess(name: string, main: () => Promise<() => Promise<void>>): void {
  // Whatever the server or a library writes (SQLite files, keys, temporary files) is then
  // readable by this account only; the database and key code also set 0600 themselves.
  process.umask(0o077);
  main()
    .then((close) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          void close().then(() => process.exit(0));
        });
      }
    })
    .catch((error: unknown) => {
      if (error instanceof ConfigError || error instanceof DataPermissionError) {
        console.error(`${name} ne peut pas démarrer.\n${error.message}`);
        process.exit(2);
      }
      console.error(`${name} s’est arrêté sur une erreur :`, error);
      process.exit(1);
    });
}
