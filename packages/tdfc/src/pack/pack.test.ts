import { describe, expect, it } from 'vitest';
import {
  builtInPackFiles,
  syntheticFuturePack,
  tarGzPack,
  withFileText,
  withManifest,
  zipPack,
} from '../testing/packs';
import { builtInPackFolder, builtInPacks } from './built-in-packs';
import { checkPack } from './check-pack';
import { PackError } from './pack-error';
import { readPackArchive } from './pack-files';
import { manifestOfFolder, manifestText } from './write-manifest';
import { readFileSync } from 'node:fs';

const refusal = (run: () => unknown): PackError => {
  try {
    run();
  } catch (error) {
    if (error instanceof PackError) return error;
    throw error;
  }
  throw new Error('pack accepted');
};

describe('the built-in 2025 pack', () => {
  it('has a manifest whose checksums match its files (else: npm run tdfc:manifest)', () => {
    const folder = builtInPackFolder('2025');
    expect(readFileSync(`${folder}manifest.json`, 'utf8')).toBe(
      manifestText(manifestOfFolder(folder)),
    );
  });

  it('passes every install check and serves millésimes 25, 24 and 23', () => {
    const [pack] = builtInPacks();
    expect(pack!.manifest).toMatchObject({ campaign: '2025', edition: 1 });
    expect(pack!.manifest.millesimes).toEqual(['25', '24', '23']);
    expect(pack!.dictionary.form('25', '2033A')).toBeDefined();
  });
});

describe('a SYNTHETIC future pack (2025 tables moved one year on)', () => {
  it('is campaign 2026 serving millésime 26, read from a folder, a .zip or a .tar.gz', () => {
    const files = syntheticFuturePack();
    for (const bytes of [zipPack(files), tarGzPack(files, 'campagne-2026/')]) {
      const pack = checkPack(readPackArchive(bytes));
      expect(pack.manifest).toMatchObject({ campaign: '2026', millesimes: ['26'] });
      expect(pack.dictionary.millesimes).toEqual(['26', '25', '24']);
      expect(pack.dictionary.cell('26', '2033A', 'FG')!.label).toBe("Résultat de l'exercice");
    }
  });
});

describe('a broken pack is refused whole, naming file, line and column', () => {
  const future = syntheticFuturePack();

  it('truncated line', () => {
    const files = withFileText(future, 'tdfc26d.edi', (text) =>
      text.replace('2033A     26FGMOA', '2033A     26FG'),
    );
    const error = refusal(() => checkPack(files));
    expect(error.message).toMatch(
      /^Pack refusé, rien n’est installé\s: tdfc26d\.edi, ligne \d+, colonne 15\s: segment inconnu/,
    );
    expect(error).toMatchObject({ file: 'tdfc26d.edi', column: 15 });
  });

  it('unknown segment', () => {
    const files = withFileText(future, 'tdfc26d.edi', (text) =>
      text.replace('2033A     26FGMOA', '2033A     26FGXYZ'),
    );
    const lines = new TextDecoder('latin1').decode(files.get('tdfc26d.edi')).split('\n');
    const line = lines.findIndex((l) => l.startsWith('2033A     26FGXYZ')) + 1;
    expect(refusal(() => checkPack(files)).message).toContain(
      `tdfc26d.edi, ligne ${line}, colonne 15 : segment inconnu « XYZ »`,
    );
  });

  it('missing value table', () => {
    const files = withFileText(future, 'tdfc26d.edi', (text) =>
      text.replace('2033A     26JDCCI    TBX', '2033A     26JDCCI    TZZ'),
    );
    expect(refusal(() => checkPack(files)).message).toMatch(
      /tdfc26d\.edi, ligne \d+, colonne 22\s: table de valeurs TZZ absente de tables\.json/,
    );
  });

  it('wrong checksum', () => {
    const files = withFileText(future, 'tables.json', (text) => text.replace('Ain', 'Aim'), true);
    expect(refusal(() => checkPack(files)).message).toContain(
      'tables.json : empreinte SHA-256 différente de celle du manifeste',
    );
  });

  it('label of an unknown cell, unlisted file, millésime absent from the tables', () => {
    const labels = withFileText(future, 'labels/fields-liasse.json', (text) =>
      text.replace('"code":"FG"', '"code":"Z9"'),
    );
    expect(refusal(() => checkPack(labels)).message).toMatch(
      /labels\/fields-liasse\.json, enregistrement \d+\s: la case 2033A Z9/,
    );
    const extra = new Map(future).set('notes.txt', new Uint8Array([65]));
    expect(refusal(() => checkPack(extra)).message).toContain('notes.txt n’est pas listé');
    const absent = withManifest(future, (m) => ({ ...m, millesimes: ['27'] }));
    expect(refusal(() => checkPack(absent)).message).toContain('le millésime 27 n’est pas dans');
  });

  it('a manifest that does not follow the schema', () => {
    const files = withManifest(builtInPackFiles(), (m) => ({ ...m, edition: 0 }));
    expect(refusal(() => checkPack(files)).message).toContain('manifest.json, champ « edition »');
    expect(refusal(() => readPackArchive(new Uint8Array([1, 2, 3]))).message).toContain(
      'archive .zip ou .tar.gz attendue',
    );
  });
});
