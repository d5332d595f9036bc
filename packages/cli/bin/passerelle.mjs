#!/usr/bin/env node
// The `passerelle` command. Like the servers (`node --import tsx …`), the CLI runs its
// TypeScript source through tsx: no build step, so `npx passerelle` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');

// First Ctrl-C: stop waiting cleanly (the server goes on sending); a second one: leave now.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});
process.exitCode = await runCli(process.argv.slice(2), undefined, interrupt.signal);
