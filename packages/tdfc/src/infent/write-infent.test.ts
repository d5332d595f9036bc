import { readInterchange } from '@passerelle/edifact';
import { describe, expect, it } from 'vitest';
import { dictionary, simplified } from '../testing/declarations';
import { readFixture } from '../fixtures/fixtures';
import { DEFAULT_INFENT_PROFILE } from './envelope-config';
import { readInfentInterchange } from './read-infent';
import { SAMPLE_ENVELOPE, infentError, textOf, tinyDeclaration } from '../testing/infent';
import { writeInfentInterchange } from './write-infent';

const write = (...declarations: Parameters<typeof tinyDeclaration>[0][]) =>
  writeInfentInterchange(
    dictionary,
    declarations.map((siren) => tinyDeclaration(siren)),
    SAMPLE_ENVELOPE,
  );

describe('writeInfentInterchange: known answers', () => {
  it('writes the pinned text of a tiny declaration (any change of rendering shows here)', () => {
    expect(textOf(write(undefined))).toBe(
      [
        "UNA:+,? '",
        'UNB+UNOL:3+73282932000074:5:I+1234567:146+250314:0930+25031409300001+++++TDT-PED-IN-FD2501/IDF25+1',
        "'UNG+INFENT+NON_SECURISE_NON_SIGNE+MULTI_DISTRIBUTION+250314:0930+1+UN+D:00B:FD2501'",
        "UNH+00001+INFENT:D:00B:UN:FD2501'BGM+IDF:71:211+25031409300001-00001'DTM+242:20250314:102'",
        "RFF+AUM:PASSERELLE'RFF+AUN:PASSERELLE::0.1.0'RFF+AUO:2025.01.0001'",
        "NAD+DT+843217654:100:107++L?'ATELIER'RFF+ACD:IS1'",
        "NAD+FR+73282932000074:100:107++CEC_EDI_TDFC:CABINET DURAND+3 PLACE BELLECOUR+LYON++69002+FR'",
        "NAD+MS+1234567:100:268++PARTENAIRE EDI'NAD+MR+++DGI_EDI_TDFC'",
        "SEQ+1'IND+F-IDENTIF 2500010001AANAD'NAD+ZZZ+843217654:100:107++L?'ATELIER'",
        "SEQ+2'IND+F-IDENTIF 2500010001BACCI'CCI+ZZZ++BI'",
        "SEQ+3'IND+F-IDENTIF 2500010001BBCCI'CCI+ZZZ++RS'",
        "SEQ+4'IND+F-IDENTIF 2500010001BCCCI'CCI+ZZZ++IS'",
        "SEQ+5'IND+F-IDENTIF 2500010001BFCCI'CCI+ZZZ++NOR'",
        "SEQ+6'IND+F-IDENTIF 2500010001CADTM'DTM+ZZZ:20240101:102'",
        "SEQ+7'IND+F-IDENTIF 2500010001CBDTM'DTM+ZZZ:20241231:102'",
        "SEQ+8'IND+F-IDENTIF 2500010001DACUX'CUX+ZZZ:EUR'",
        "SEQ+9'IND+F-IDENTIF 2500010001KDRFF'RFF+ZZZ:IS1'",
        "SEQ+10'IND+2033A     2500010001FGMOA'MOA+ZZZ:-1200'",
        "UNT+42+00001'UNE+1+1'UNZ+1+25031409300001'",
      ].join(''),
    );
  });

  it('writes one message per declaration, with the UNT, UNE and UNZ counts right', () => {
    const bytes = write('843217654', '912458734');
    const interchange = readInterchange(bytes);
    expect(interchange.groups).toHaveLength(1);
    expect(interchange.messages.map((m) => m.reference)).toEqual(['00001', '00002']);
    for (const message of interchange.messages) {
      expect(message.trailer.elements[0]).toBe(String(message.segments.length + 2));
    }
    const text = textOf(bytes);
    expect(text).toContain("UNT+42+00001'");
    expect(text).toContain("UNT+42+00002'");
    expect(text.endsWith("UNE+2+1'UNZ+1+25031409300001'")).toBe(true);
    expect(text).toContain("NAD+DT+912458734:100:107++L?'ATELIER'");
  });

  it('round-trips both fixtures exactly, alone and together', () => {
    const fixtures = [readFixture('liasseSimplifiee'), readFixture('reelNormal')];
    for (const declarations of [[fixtures[0]!], [fixtures[1]!], fixtures]) {
      const bytes = writeInfentInterchange(dictionary, declarations, SAMPLE_ENVELOPE);
      expect(readInfentInterchange(dictionary, bytes).declarations).toEqual(declarations);
    }
  });

  it('reads the envelope facts back', () => {
    const { envelope } = readInfentInterchange(dictionary, write(undefined));
    expect(envelope).toMatchObject({
      syntax: 'UNOL:3',
      sender: { id: '73282932000074', qualifier: '5' },
      recipient: { id: '1234567', qualifier: '146' },
      preparedAt: { date: '250314', time: '0930' },
      controlReference: '25031409300001',
      agreementIdentifier: 'TDT-PED-IN-FD2501/IDF25',
      test: true,
      group: { identification: 'INFENT', version: ['D', '00B', 'FD2501'] },
    });
    expect(envelope.messages).toEqual([
      {
        reference: '00001',
        associationCode: 'FD2501',
        documentCode: 'IDF',
        documentReference: '25031409300001-00001',
        preparedOn: '2025-03-14',
        software: { editor: 'PASSERELLE', name: 'PASSERELLE', version: '0.1.0' },
        attestation: '2025.01.0001',
        rof: 'IS1',
        declarant: { id: '843217654', name: "L'ATELIER" },
        writer: {
          id: '73282932000074',
          name: 'CEC_EDI_TDFC',
          name2: 'CABINET DURAND',
          ...SAMPLE_ENVELOPE.firm.address,
        },
        partner: { id: '1234567', name: 'PARTENAIRE EDI' },
        recipients: ['DGI_EDI_TDFC'],
      },
    ]);
  });

  it('leaves out the test indicator in production and follows a changed profile', () => {
    const profile = {
      ...DEFAULT_INFENT_PROFILE,
      unb: { ...DEFAULT_INFENT_PROFILE.unb, agreementIdentifier: undefined },
      countDigits: 5,
      lineBreaks: true,
    };
    const bytes = writeInfentInterchange(
      dictionary,
      [tinyDeclaration()],
      { ...SAMPLE_ENVELOPE, test: false },
      { profile },
    );
    const text = textOf(bytes);
    expect(text).toContain(
      "UNB+UNOL:3+73282932000074:5:I+1234567:146+250314:0930+25031409300001'\n",
    );
    expect(text).toContain("UNT+00042+00001'\nUNE+00001+1'\nUNZ+00001+25031409300001'\n");
    expect(readInfentInterchange(dictionary, bytes).envelope.test).toBe(false);
  });
});

describe('writeInfentInterchange: what cannot be written', () => {
  it('refuses a character outside ISO-8859-15 in a name, naming the cell', () => {
    const declaration = simplified((d) => {
      const partners = d.forms['2033F']![0]!.BA as { name: string }[];
      partners[1]!.name = 'MARTIN’CLAIRE';
    });
    const error = infentError(() =>
      writeInfentInterchange(dictionary, [tinyDeclaration(), declaration], SAMPLE_ENVELOPE),
    );
    expect(error.message).toBe(
      'Déclaration 2 : 2033F/BA ligne 2 : le caractère « ’ » (U+2019) n’est pas autorisé par le ' +
        'jeu de caractères UNOL (ISO 8859-15).',
    );
    expect(error.position).toEqual({
      declaration: 2,
      form: '2033F',
      code: 'BA',
      formOccurrence: 0,
      valueIndex: 1,
    });
  });

  it('refuses such a character in the declarant name (header) and the firm (envelope part)', () => {
    const declaration = tinyDeclaration();
    (declaration.forms['F-IDENTIF']![0]!.AA as { name: string }).name = 'CAFÉ “LE ZINC”';
    expect(
      infentError(() => writeInfentInterchange(dictionary, [declaration], SAMPLE_ENVELOPE)).message,
    ).toBe(
      'Déclaration 1 : en-tête du message (F-IDENTIF/AA) : le caractère « “ » (U+201C) n’est ' +
        'pas autorisé par le jeu de caractères UNOL (ISO 8859-15).',
    );
    const firm = { ...SAMPLE_ENVELOPE.firm, name: 'CABINET — DURAND' };
    expect(
      infentError(() =>
        writeInfentInterchange(dictionary, [tinyDeclaration()], { ...SAMPLE_ENVELOPE, firm }),
      ).message,
    ).toMatch(/^Déclaration 1 : en-tête du message \(cabinet rédacteur\) : le caractère « — »/);
  });

  it('refuses a declaration the reader could not rebuild: no dates, no data', () => {
    const declaration = tinyDeclaration();
    delete declaration.forms['F-IDENTIF']![0]!.CB;
    expect(
      infentError(() => writeInfentInterchange(dictionary, [declaration], SAMPLE_ENVELOPE)).message,
    ).toBe(
      'Déclaration 1 : dates de l’exercice absentes (F-IDENTIF CA et CB) : le message serait illisible.',
    );
    const unknown = tinyDeclaration();
    unknown.millesime = '22';
    expect(
      infentError(() => writeInfentInterchange(dictionary, [unknown], SAMPLE_ENVELOPE)).message,
    ).toBe(
      'Déclaration 1 : aucune donnée à écrire (formulaires vides ou inconnus du millésime 22).',
    );
  });

  it('refuses a value of the wrong type for its segment, and an empty text', () => {
    const declaration = tinyDeclaration();
    declaration.forms['2033A']![0]!.FG = '1 200';
    expect(
      infentError(() => writeInfentInterchange(dictionary, [declaration], SAMPLE_ENVELOPE)).message,
    ).toBe('Déclaration 1 : 2033A/FG : nombre attendu, valeur reçue : « 1 200 ».');
    declaration.forms['2033A']![0]!.FG = 10;
    declaration.forms['F-IDENTIF']![0]!.KD = '';
    expect(
      infentError(() => writeInfentInterchange(dictionary, [declaration], SAMPLE_ENVELOPE)).message,
    ).toBe('Déclaration 1 : F-IDENTIF/KD : texte non vide attendu, valeur reçue : «  ».');
  });
});
