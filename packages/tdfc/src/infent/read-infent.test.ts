import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/fixtures';
import { dictionary } from '../testing/declarations';
import type { Declaration } from '../model';
import { createDatumRenderer } from './datum-rendering';
import { DEFAULT_INFENT_PROFILE } from './envelope-config';
import { InfentError } from './infent-error';
import { readInfentInterchange, streamInfentDeclarations } from './read-infent';
import { SAMPLE_ENVELOPE, infentError, textOf, tinyDeclaration } from '../testing/infent';
import { writeInfentInterchange } from './write-infent';

const write = (
  declarations: Declaration[],
  options?: Parameters<typeof writeInfentInterchange>[3],
) => writeInfentInterchange(dictionary, declarations, SAMPLE_ENVELOPE, options);
const TWO = textOf(write([tinyDeclaration(), tinyDeclaration('912458734')]));
const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

/** Rewrites the UNT counts after an edit (segments split on unescaped apostrophes). */
function fixCounts(text: string): string {
  const segments = text.split(/(?<!\?)'/);
  let count = 0;
  return segments
    .map((segment) => {
      if (segment.startsWith('UNH')) count = 0;
      count += 1;
      return segment.startsWith('UNT') ? segment.replace(/^UNT\+\d+/, `UNT+${count}`) : segment;
    })
    .join("'");
}

/** The error message of reading `text`, after `edit` (counts fixed unless `raw`). */
function errorOf(from: string, to: string, options: { raw?: boolean; last?: boolean } = {}) {
  const at = options.last ? TWO.lastIndexOf(from) : TWO.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  const edited = TWO.slice(0, at) + to + TWO.slice(at + from.length);
  return infentError(() =>
    readInfentInterchange(dictionary, bytes(options.raw ? edited : fixCounts(edited))),
  ).message;
}

describe('readInfentInterchange: refused files, with the place in French', () => {
  it('refuses a truncated file, a wrong UNT count and a byte outside UNOL (syntax errors)', () => {
    expect(
      infentError(() => readInfentInterchange(dictionary, bytes(TWO.slice(0, -40)))).message,
    ).toBe(
      'Fichier EDIFACT invalide — Segment 86 : le fichier se termine au milieu du segment ' +
        '(terminateur « ' +
        "'" +
        ' » manquant).',
    );
    expect(errorOf('UNT+42+00002', 'UNT+41+00002', { raw: true })).toBe(
      'Fichier EDIFACT invalide — Segment 86 (UNT), élément 1 : le nombre de segments annoncé ' +
        '(41) ne correspond pas au nombre réel (42).',
    );
    const data = bytes(TWO);
    data[TWO.indexOf('ATELIER')] = 0x81;
    const error = infentError(() => readInfentInterchange(dictionary, data));
    expect(error.message).toBe(
      'Fichier EDIFACT invalide — Segment 9 (NAD), élément 4, composant 1 : le caractère ' +
        'U+0081 n’est pas autorisé par le jeu de caractères UNOL (ISO 8859-15).',
    );
    expect(error.position).toEqual({ interchangeSegment: 9, offset: 376, tag: 'NAD' });
  });

  it('refuses an unknown form or code of the millésime, with message and segment', () => {
    const key = '2033A     2500010001FGMOA';
    expect(errorOf(key, '2033X     2500010001FGMOA')).toBe(
      'Message 1, segment 40 : formulaire 2033X inconnu du millésime 25.',
    );
    const error = infentError(() =>
      readInfentInterchange(
        dictionary,
        bytes(TWO.replace(/(.*)2033A {5}2500010001FG/s, '$12033A     2500010001ZZ')),
      ),
    );
    expect(error.message).toBe('Message 2, segment 40 : case 2033A/ZZ inconnue du millésime 25.');
    expect(error.position).toMatchObject({ message: 2, segment: 40, form: '2033A', code: 'ZZ' });
    expect(errorOf(key, '2033A     2200010001FGMOA')).toBe(
      'Message 1, segment 40 : millésime 22 inconnu de la campagne 2025.',
    );
    expect(errorOf(key, '2033A     2400010001FGMOA')).toBe(
      'Message 1, segment 40 : millésime 24 différent de celui des données précédentes (25).',
    );
  });

  it('refuses a value that does not match its segment or its cell', () => {
    const place = 'Message 1, segment 41 : case 2033A/FG : ';
    expect(errorOf('MOA+ZZZ:-1200', 'MOA+ZZZ:abc')).toBe(
      `${place}montant invalide « abc » (nombre attendu : chiffres, signe moins en tête, marque décimale « , »).`,
    );
    expect(errorOf('MOA+ZZZ:-1200', 'MOA+ZZZ:1.200')).toMatch(/^.*montant invalide « 1.200 »/);
    expect(errorOf('MOA+ZZZ:-1200', 'CCI+ZZZ++X')).toBe(
      `${place}segment MOA attendu (trouvé CCI).`,
    );
    expect(errorOf('MOA+ZZZ:-1200', 'MOA+ZZZ:-1200:EUR')).toBe(
      `${place}donnée inattendue « EUR » (élément 1, composant 3).`,
    );
    expect(errorOf('MOA+ZZZ:-1200', 'MOA+AAA:-1200')).toBe(
      `${place}qualifiant « AAA » inattendu (ZZZ attendu).`,
    );
    expect(errorOf('MOA+ZZZ:-1200', 'MOA+ZZZ')).toBe(`${place}valeur absente.`);
    expect(errorOf('2500010001FGMOA', '2500010001FGCCI')).toBe(
      'Message 1, segment 40 : case 2033A/FG : segment CCI annoncé, le dictionnaire attend MOA.',
    );
    expect(errorOf('DTM+ZZZ:20241231:102', 'DTM+ZZZ:2024:602')).toBe(
      'Message 1, segment 32 : case F-IDENTIF/CB : format de date « 602 » reçu, 102 attendu.',
    );
  });

  it('refuses a broken datum sequence, a datum given twice and a foreign document', () => {
    expect(errorOf("SEQ+10'", '')).toBe(
      'Message 1, segment 39 : segment SEQ+<numéro> attendu (trouvé IND).',
    );
    expect(errorOf("SEQ+10'IND+2033A     2500010001FGMOA'", "SEQ+10'IND+2033A 25'")).toBe(
      'Message 1, segment 40 : segment IND+<clé de 25 caractères : formulaire, millésime, ' +
        'occurrences, code, segment> attendu (trouvé « 2033A 25 »).',
    );
    const twice = "SEQ+8'IND+F-IDENTIF 2500010001DACUX'CUX+ZZZ:EUR'";
    expect(errorOf(twice, twice + twice)).toBe(
      'Message 1, segment 37 : case F-IDENTIF/DA donnée deux fois.',
    );
    expect(errorOf('BGM+IDF', 'BGM+CVA')).toBe(
      'Message 1, segment 2 : document « CVA » : seul le document IDF (liasse fiscale) est lu.',
    );
    expect(errorOf('UNH+00001+INFENT', 'UNH+00001+INVOIC')).toBe(
      'Message 1, segment 1 : message de type INVOIC : INFENT attendu.',
    );
  });

  it('refuses an interchange without any declaration', () => {
    expect(infentError(() => readInfentInterchange(dictionary, write([]))).message).toBe(
      'L’interchange ne contient aucun message INFENT (aucune déclaration).',
    );
  });

  it('refuses a message whose F-IDENTIF has no exercise dates', () => {
    expect(errorOf("SEQ+7'IND+F-IDENTIF 2500010001CBDTM'DTM+ZZZ:20241231:102'", '')).toBe(
      'Message 1 : dates de l’exercice absentes (F-IDENTIF CA et CB).',
    );
  });
});

describe('readInfentInterchange: what it accepts', () => {
  it('reads line breaks between segments and the dictionary qualifiers (other software)', () => {
    const declarations = [readFixture('liasseSimplifiee'), readFixture('reelNormal')];
    const renderer = createDatumRenderer((cell) => cell.qualifier ?? 'ZZZ');
    const profile = { ...DEFAULT_INFENT_PROFILE, lineBreaks: true };
    const data = write(declarations, { renderer, profile });
    expect(textOf(data)).toContain('\nNAD+DT+843217654:100:107++BOULANGERIE');
    const crlf = bytes(textOf(data).replaceAll('\n', '\r\n'));
    expect(readInfentInterchange(dictionary, crlf).declarations).toEqual(declarations);
  });

  it('round-trips every segment type, form occurrences and rows, in the canonical shape', () => {
    const declaration = tinyDeclaration();
    Object.assign(declaration.forms, {
      '2065': [{ AQ: 'Première ligne\n\nTroisième : 50 % + 10 €' }],
      '2025C': [{ BA: 100, FC: 18, FE: 12.5 }, {}, { DA: { name: 'SCI', phone: '0478000000' } }],
      '2028A': [{ AD: 3, BA: [2020, null, 2022], BB: [5, 6] }],
      DEMAGRECOR: [{ AU: '2024-01-01/2024-12-31' }],
      OGBNC05: [{ AA: ['512000'] }],
    });
    const read = readInfentInterchange(dictionary, write([declaration])).declarations[0]!;
    // 2028A rows line up: BB gets the third (empty) row of the same table.
    expect(read.forms['2028A']).toEqual([{ AD: 3, BA: [2020, null, 2022], BB: [5, 6, null] }]);
    expect(read).toEqual({
      ...declaration,
      forms: { ...declaration.forms, '2028A': read.forms['2028A'] },
    });
    expect(write([read])).toEqual(write([declaration]));
  });
});

describe('streamInfentDeclarations', () => {
  async function* chunks(data: Uint8Array, size: number) {
    for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
  }

  it('yields the same declarations as the whole-file reader, then returns the envelope', async () => {
    const declarations = [readFixture('liasseSimplifiee'), readFixture('reelNormal')];
    const data = write(declarations);
    const stream = streamInfentDeclarations(dictionary, chunks(data, 7));
    const read: Declaration[] = [];
    let step = await stream.next();
    for (; !step.done; step = await stream.next()) read.push(step.value);
    expect(read).toEqual(declarations);
    expect(step.value).toEqual(readInfentInterchange(dictionary, data).envelope);
  });

  it('throws the same InfentError, after the declarations read before it', async () => {
    const data = bytes(
      fixCounts(TWO.replace(/(.*)2033A {5}2500010001FG/s, '$12033A     2500010001ZZ')),
    );
    const read: Declaration[] = [];
    const error = await (async () => {
      for await (const declaration of streamInfentDeclarations(dictionary, chunks(data, 100)))
        read.push(declaration);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfentError);
    expect((error as InfentError).message).toBe(
      'Message 2, segment 40 : case 2033A/ZZ inconnue du millésime 25.',
    );
    expect(read).toHaveLength(1);
  });
});
