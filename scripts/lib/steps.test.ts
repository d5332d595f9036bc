import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SetupError } from './process.mjs';
import { runStep } from './steps.mjs';

/** A stream standing for the terminal (isTTY true) or a pipe, collecting what is written. */
function output(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY }) as unknown as NodeJS.WriteStream;
  let text = '';
  (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

const node = (script: string): [string, string[]] => [process.execPath, ['-e', script]];

describe('a set-up step of npm start', () => {
  it('says what runs and its usual duration, hides the command output, then the time taken', async () => {
    const out = output(false);
    await runStep(
      {
        label: 'Construction de l’interface web',
        expected: '≈ 10 à 20 s',
        reason: 'pas encore construite',
        out: out.stream,
      },
      ...node('console.log("vite v8 building for production..."); console.error("warning")'),
    );
    expect(out.text()).toMatch(
      /^\nConstruction de l’interface web \(≈ 10 à 20 s ; pas encore construite\)…\n… fait en \d+ s\n$/,
    );
  });

  it('on a terminal, keeps the step on one line', async () => {
    const out = output(true);
    await runStep(
      { label: 'Installation des dépendances', expected: '≈ 2 à 5 min', out: out.stream },
      ...node(''),
    );
    expect(out.text()).toMatch(/^\nInstallation des dépendances \(≈ 2 à 5 min\)… fait en \d+ s\n$/);
  });

  it('fails with the command and its last lines', async () => {
    const out = output(false);
    const failing = runStep(
      { label: 'Installation des dépendances', expected: '≈ 2 à 5 min', out: out.stream },
      ...node(
        'for (let i = 1; i <= 100; i++) console.log("ligne " + i); console.error("npm error gyp failed"); process.exit(3)',
      ),
    );
    await expect(failing).rejects.toBeInstanceOf(SetupError);
    const message = await failing.catch((error: Error) => error.message);
    expect(message).toMatch(/^Échec de « .+ -e .+ » \(code 3\)\. Ses dernières lignes :\n/);
    expect(message).toContain('ligne 100\nnpm error gyp failed');
    expect(message).not.toContain('ligne 60\n');
    expect(out.text()).toMatch(/… échec après \d+ s\.\n$/);
  });
});
