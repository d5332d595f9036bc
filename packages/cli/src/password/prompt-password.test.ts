import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError, ExitCode } from '../exit-codes';
import type { InputStream } from '../io';
import { promptPassword } from './prompt-password';

/** A terminal stand-in: a stream with isTTY and a raw-mode switch whose calls are recorded. */
function fakeTerminal() {
  const input = new PassThrough() as PassThrough & InputStream;
  const rawModes: boolean[] = [];
  /** Raw-mode switches and writes in the order they happened. */
  const order: string[] = [];
  input.isTTY = true;
  input.setRawMode = (mode: boolean) => {
    order.push(`raw:${mode}`);
    return rawModes.push(mode);
  };
  const written: string[] = [];
  const output = {
    write: (text: string) => {
      order.push('write');
      return written.push(text);
    },
  };
  return { input, output, rawModes, written, order };
}

describe('password prompt without echo', () => {
  it('turns echo off before the prompt shows (nothing typed after it is ever echoed)', async () => {
    const { input, output, order } = fakeTerminal();
    const answer = promptPassword(input, output, 'Mot de passe', '--password-file <f>');
    input.write('secret\r');
    await answer;
    expect(order.slice(0, 2)).toEqual(['raw:true', 'write']);
  });

  it('reads what is typed in raw mode, edits with backspace and Ctrl-U, shows nothing of it', async () => {
    const { input, output, rawModes, written } = fakeTerminal();
    const answer = promptPassword(
      input,
      output,
      'Mot de passe de la signature',
      '--password-file <f>',
    );
    input.write('oups');
    input.write('\u0015'); // Ctrl-U: start again
    input.write('para\u001b[Dpluie'); // an arrow key is not part of the password
    input.write('x\u007f'); // typo, backspace
    // "é" split across two reads still makes one character.
    const e = Buffer.from('é');
    input.write(e.subarray(0, 1));
    input.write(Buffer.concat([e.subarray(1), Buffer.from(' volcan\r')]));
    expect(await answer).toBe('parapluieé volcan');
    expect(written.join('')).toBe('Mot de passe de la signature : \n');
    expect(rawModes).toEqual([true, false]);
  });

  it('stops at Ctrl-C with exit 130 and gives the terminal back', async () => {
    const { input, output, rawModes } = fakeTerminal();
    const answer = promptPassword(input, output, 'Mot de passe', '--password-file <f>');
    input.write('abc\u0003');
    const error = await answer.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.interrupted);
    expect(rawModes).toEqual([true, false]);
  });

  it('never reads a password from a pipe: without a terminal it names the file option', async () => {
    const input = new PassThrough() as PassThrough & InputStream;
    input.end('secret\n');
    const error = await promptPassword(
      input,
      { write: () => true },
      'Mot de passe de la signature',
      '--password-file <fichier>',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    expect((error as CliError).message).toBe(
      'Mot de passe de la signature : aucun terminal pour le saisir sans l’afficher. Utilisez --password-file <fichier>.',
    );
  });
});
