import { describe, expect, it } from 'vitest';
import { buildDictionary } from './build-dictionary';
import { DictionaryFormatError } from './dictionary-format-error';
import { formDisplayName } from './form-name';
import { loadDictionary } from './load-dictionary';

const dictionary = loadDictionary('2025');

describe('campaign 2025 dictionary', () => {
  it('covers millésimes 25, 24 and 23, with every line of both tables', () => {
    // 28,127 data lines, two of which (2079CIOP 25 AX and AY) are repeated word for word.
    expect(dictionary.millesimes).toEqual(['25', '24', '23']);
    const forms = dictionary.millesimes.flatMap((m) => dictionary.forms(m));
    expect(forms).toHaveLength(608);
    const cells = forms.reduce((total, form) => total + form.cellCodes.length, 0);
    expect(cells).toBe(28_125);
  });

  it('is parsed once and then shared', () => {
    expect(loadDictionary('2025')).toBe(dictionary);
  });

  it('allows 2033-A in IS-RS, IS-SE, BI-RS, BI-SE and BI-MS only (edi-tdfc §2.8)', () => {
    const form = dictionary.form('25', '2033A')!;
    expect([...form.allowedIn].sort()).toEqual(['BI-MS', 'BI-RS', 'BI-SE', 'IS-RS', 'IS-SE']);
    expect(form.signedAmounts).toBe(true);
    expect(form.docCodes).toEqual(['IDF', 'ILF']);
  });

  it('allows 2033-E, F and G in IS-RS and BI-RS only', () => {
    for (const id of ['2033E', '2033F', '2033G']) {
      expect([...dictionary.form('25', id)!.allowedIn].sort()).toEqual(['BI-RS', 'IS-RS']);
    }
  });

  it('reads the main-return flag (2065, 2031) and leaves F-IDENTIF unrestricted', () => {
    expect(dictionary.form('25', '2065')!.mainReturn).toBe(true);
    expect(dictionary.form('25', '2031')!.mainReturn).toBe(true);
    expect(dictionary.form('25', '2033A')!.mainReturn).toBe(false);
    const identif = dictionary.form('25', 'F-IDENTIF')!;
    expect(identif.mainReturn).toBe(false);
    expect(identif.flowCode).toBe('R');
    expect(identif.allowedIn.size).toBe(0);
  });

  it('reads regime codes past blank groups (3030) and both blocks (ANNEXLIB01)', () => {
    expect([...dictionary.form('25', '3030')!.allowedIn]).toEqual([
      'IS-RN',
      'IS-RS',
      'IS-GT',
      'BI-RN',
      'BI-RS',
      'BA-BN',
      'BA-BS',
      'BC-DC',
    ]);
    expect(dictionary.form('25', 'ANNEXLIB01')!.allowedIn.size).toBe(18);
    expect(dictionary.form('25', '2065INT')!.allowedIn.has('RF-72')).toBe(true);
  });

  it('describes 2033-A FG as a signed amount and JD as a TBX box', () => {
    expect(dictionary.cell('25', '2033A', 'FG')).toMatchObject({
      segment: 'MOA',
      signed: true,
      repeatable: false,
      label: "Résultat de l'exercice",
    });
    expect(dictionary.cell('25', '2033A', 'AA')!.signed).toBe(false);
    expect(dictionary.cell('25', '2033A', 'JD')).toMatchObject({ segment: 'CCI', table: 'TBX' });
  });

  it('describes 2072S 24 PJ as a repeatable DTM in format 102', () => {
    expect(dictionary.cell('24', '2072S', 'PJ')).toMatchObject({
      segment: 'DTM',
      repeatable: true,
      dateFormat: '102',
    });
  });

  it('reads qualifiers, the misplaced repeatable X of 2027C AF and the 2258 markers', () => {
    expect(dictionary.cell('25', '2065', 'BB')).toMatchObject({ qualifier: 'RE', signed: true });
    expect(dictionary.cell('25', 'F-IDENTIF', 'AA')).toMatchObject({ qualifier: 'DT' });
    expect(dictionary.cell('25', '2065', 'AQ')).toMatchObject({ segment: 'FTX', qualifier: '4' });
    expect(dictionary.cell('25', '2027C', 'AF')).toMatchObject({
      segment: 'CUX',
      repeatable: true,
    });
    const markers = dictionary.cells('25', '2258').filter((cell) => cell.marker);
    expect(markers.map((cell) => cell.marker).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('knows the néant box of every 2033 form (edi-tdfc §2.8)', () => {
    const boxes = ['2033A', '2033B', '2033C', '2033D', '2033E', '2033F', '2033G'].map(
      (id) => dictionary.form('25', id)!.neantCode,
    );
    expect(boxes).toEqual(['JD', 'JB', 'RQ', 'PF', 'DB', 'GS', 'GS']);
    expect(dictionary.form('24', '2033A')!.neantCode).toBe('JD');
    expect(dictionary.form('25', '2065')!.neantCode).toBeUndefined();
    // Found in the labels ("Déposé néant?"), not in the list of known boxes.
    expect(dictionary.form('25', '2065BIS')!.neantCode).toBe('CP');
    // The labels of the other régimes' forms give the réel normal's and the BNC annexes' boxes.
    expect(dictionary.form('25', '2050')!.neantCode).toBe('GR');
    expect(dictionary.form('25', '2059G')!.neantCode).toBe('GS');
    expect(dictionary.form('25', '2035A')!.neantCode).toBe('FH');
    expect(dictionary.form('25', '2035')!.neantCode).toBeUndefined();
    expect(dictionary.form('25', '2072S')!.neantCode).toBeUndefined();
  });

  it('labels from the nearest millésime, else shows the code', () => {
    expect(dictionary.cell('23', '2033A', 'FG')!.label).toBe("Résultat de l'exercice");
    expect(dictionary.cell('25', '2050', 'AA')!.label).toBe('Capital souscrit non appelé brut');
    const unlabelled = dictionary.cells('25', '2059H')[0]!;
    expect(unlabelled.label).toBe(unlabelled.code);
    expect(dictionary.cell('25', 'F-IDENTIF', 'AA')!.label).toBe(
      'Identification du déclarant désignation ou nom prénom',
    );
  });

  it('gives value tables with their labels', () => {
    expect(dictionary.table('TBS')!.values.get('IS')).toBe('Impôt sur les sociétés');
    expect([...dictionary.table('TDP')!.values.keys()]).toEqual(['DPR', 'NOR']);
    expect(dictionary.table('T1N')).toBeUndefined();
  });

  it('lists the forms of a regime: the simplified IS liasse', () => {
    const ids = dictionary.formsFor('25', 'IS', 'BI', 'RS').map((form) => form.id);
    expect(ids).toEqual(expect.arrayContaining(['F-IDENTIF', '2065', '2065BIS', '2033A', '2033G']));
    expect(ids).not.toContain('2050');
    expect(ids).not.toContain('2031');
    expect(ids).not.toContain('1330CVAE');
    const normal = dictionary.formsFor('25', 'IS', 'BI', 'RN').map((form) => form.id);
    expect(normal).toEqual(expect.arrayContaining(['2050', '2059G', '2065']));
    expect(normal).not.toContain('2033A');
    const bic = dictionary.formsFor('25', 'IR', 'BI', 'RS').map((form) => form.id);
    expect(bic).toContain('2031');
    expect(bic).not.toContain('2065');
  });

  it('refuses a data line that breaks the layout, naming file and line', () => {
    const build = (dataTable: string) => () =>
      buildDictionary({
        campaign: 'test',
        formsTable: '2033A     25  S  IDF                        ISRS',
        dataTable,
        valueTables: [],
        labelFiles: [],
      });
    expect(build('2033A     25AAMOA')).not.toThrow();
    expect(build('2033A     25AAMOA\n2033A     25ABXYZ')).toThrow(DictionaryFormatError);
    expect(build('2033A     25AAMOA\n2033A     25ABXYZ')).toThrow(
      /ligne 2, colonne 15 : segment inconnu/,
    );
    expect(build('2033A     25AACCI')).toThrow(/table de valeurs/);
    expect(build('2033A     25AAQTY       S')).toThrow(/signe S/);
    expect(build('2050      25AAMOA')).toThrow(/2050 \(millésime 25\) absent de tdfcAAf/);
  });

  it('spells forms as the Cerfa does in messages', () => {
    expect(formDisplayName('2033A')).toBe('2033-A');
    expect(formDisplayName('2065BIS')).toBe('2065-BIS');
    expect(formDisplayName('2065')).toBe('2065');
    expect(formDisplayName('F-IDENTIF')).toBe('F-IDENTIF');
  });
});
