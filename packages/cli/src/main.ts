import { readFileSync } from 'node:fs';
import { parseInvocation } from './args';
import { runCampaign } from './commands/campaign';
import { runExport } from './commands/export';
import { runSend } from './commands/send';
import { runStatus } from './commands/status';
import { CliError, ExitCode } from './exit-codes';
import { helpText } from './help';
import { processIo, type CliIo } from './io';

/**
 * Runs one `passerelle` command line and resolves to its exit code. Expected failures print
 * their French message only; anything else is a bug, reported in one line (the stack with
 * PASSERELLE_DEBUG=1). `signal` is Ctrl-C.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo(),
  signal?: AbortSignal,
): Promise<number> {
  try {
    const invocation = parseInvocation(argv, io.env);
    switch (invocation.command) {
      case 'help':
        io.stdout.write(helpText(invocation.topic));
        return ExitCode.ok;
      case 'version':
        io.stdout.write(`passerelle ${version()}\n`);
        return ExitCode.ok;
      case 'send':
        return await runSend(invocation, io, signal);
      case 'status':
        return await runStatus(invocation, io, signal);
      case 'export':
        return await runExport(invocation, io, signal);
      case 'campaign':
        return await runCampaign(invocation, io, signal);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`Erreur : ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(
      `Erreur inattendue : ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (io.env.PASSERELLE_DEBUG === '1' && error instanceof Error && error.stack)
      io.stderr.write(`${error.stack}\n`);
    return ExitCode.failed;
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
