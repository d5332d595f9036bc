import { createInterface } from 'node:readline/promises';
import { interrupted, usageError } from '../exit-codes';
import type { InputStream, OutputStream } from '../io';

/** Asks a visible answer (the email address) on the terminal; without one, names the option. */
export async function promptText(
  stdin: InputStream,
  prompt: OutputStream,
  label: string,
  missing: string,
): Promise<string> {
  if (!stdin.isTTY) throw usageError(missing);
  const rl = createInterface({
    input: stdin,
    output: prompt as NodeJS.WritableStream,
    terminal: true,
  });
  // In a terminal readline turns Ctrl-C into this event rather than a signal.
  const cancel = new AbortController();
  rl.on('SIGINT', () => cancel.abort());
  try {
    return (await rl.question(`${label} : `, { signal: cancel.signal })).trim();
  } catch (error) {
    if (cancel.signal.aborted) throw interrupted('Saisie annulée.');
    throw error;
  } finally {
    rl.close();
  }
}
