import { ConfigError } from './config';

/**
 * Runs a server's entry point: a configuration error prints every problem and exits 2, any
 * other failure exits 1; `main` returns what to close on SIGINT/SIGTERM (then exit 0).
 */
export function runProcess(name: string, main: () => Promise<() => Promise<void>>): void {
  main()
    .then((close) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          void close().then(() => process.exit(0));
        });
      }
    })
    .catch((error: unknown) => {
      if (error instanceof ConfigError) {
        console.error(`${name} ne peut pas démarrer.\n${error.message}`);
        process.exit(2);
      }
      console.error(`${name} s’est arrêté sur une erreur :`, error);
      process.exit(1);
    });
}
