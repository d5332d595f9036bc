import { describe, expect, it } from 'vitest';
import type { NadValue } from '../model';
import { formOf, ofRule, rulesFired, simplified, validate } from '../testing/declarations';

describe('value rules', () => {
  it('refuses cents, with the form, the cell and its label in the message', () => {
    const anomalies = validate(simplified((d) => (formOf(d, '2033A').FG = 1200.5)));
    expect(ofRule(anomalies, 'amount.not-integer')).toEqual([
      {
        severity: 'error',
        rule: 'amount.not-integer',
        form: '2033A',
        code: 'FG',
        formOccurrence: 0,
        label: "Résultat de l'exercice",
        message:
          "2033-A, case FG (Résultat de l'exercice) : montant non entier (1200,50) : les montants se déclarent en euros entiers.",
      },
    ]);
  });

  it('refuses a negative amount where the cell has no sign flag, accepts it where it has', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2033A').JB = -5000;
        formOf(d, '2033B').BK = -1000; // signed (S): variation de stock
      }),
    );
    expect(rulesFired(anomalies)).toEqual(['value.negative']);
    expect(anomalies[0]).toMatchObject({ code: 'JB' });
    expect(anomalies[0]!.message).toContain("montant négatif (-5000) : cette case n'admet pas");
  });

  it('refuses a value of the wrong type for its segment', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2033A').JB = '5000';
        formOf(d, '2033D').PF = 1;
        formOf(d, '2033E').AA = 'deux';
        formOf(d, '2065').AQ = 12;
        formOf(d, 'F-IDENTIF').DA = 'euro';
      }),
    );
    const wrong = ofRule(anomalies, 'value.type');
    expect(wrong.map((a) => a.code)).toEqual(['DA', 'JB', 'PF', 'AA', 'AQ']);
    expect(wrong[1]!.message).toBe(
      "2033-A, case JB (Coût de revient des immobilisations acquises ou créées lors de l'exercice) : montant attendu (nombre entier d'euros), valeur reçue : « 5000 » (texte).",
    );
  });

  it('refuses a NAD that is not an object, or has unknown components', () => {
    const anomalies = validate(
      simplified((d) => {
        // As read back from stored JSON: nothing stops an unknown key there.
        const nad = JSON.parse('{"name": "X", "rue": "Y"}') as NadValue;
        formOf(d, '2033F').BA = ['MARTIN JEAN', nad];
      }),
    );
    expect(ofRule(anomalies, 'value.type').map((a) => [a.valueIndex, a.message])).toEqual([
      [
        0,
        "2033-F, case BA (Nom de famille, prénoms de l'associé personne physique), ligne 1 : nom et adresse (objet) attendus, valeur reçue : « MARTIN JEAN » (texte).",
      ],
      [1, expect.stringContaining("ligne 2 : composant d'adresse inconnu « rue »")],
    ]);
  });

  it('refuses a value absent from its table', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2033D').PF = 'O';
        formOf(d, 'F-IDENTIF').BF = 'XYZ';
      }),
    );
    expect(ofRule(anomalies, 'value.table').map((a) => a.message)).toEqual([
      'F-IDENTIF, case BF (Identification de dépôt provisoire) : valeur « XYZ » absente de la table TDP (valeurs admises : DPR, NOR).',
      '2033-D, case PF (Déposé néant?) : valeur « O » absente de la table TBX (valeurs admises : X).',
    ]);
  });

  it('refuses dates that do not exist or do not fit the format', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2033F').BE = ['1975-02-30', null];
        formOf(d, '2033E').KB = '01/01/2024';
        formOf(d, '2065BIS').CH = [24];
      }),
    );
    expect(ofRule(anomalies, 'value.date').map((a) => a.code)).toEqual(['KB', 'BE', 'CH']);
    expect(ofRule(anomalies, 'value.date')[1]!.message).toContain(
      'ligne 1 : date existante attendue (AAAA-MM-JJ, format 102), valeur reçue : « 1975-02-30 »',
    );
  });

  it('accepts years (602) and durations in months (802) as numbers', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2065BIS').CH = [2023];
        formOf(d, '2065BIS').CG = [3];
        formOf(d, 'F-IDENTIF').CE = 12;
      }),
    );
    expect(rulesFired(anomalies)).toEqual([]);
  });

  it('refuses texts that are too long, empty or outside ISO-8859-15', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2065').AQ = 'a\nb\nc\nd\ne\nf';
        formOf(d, '2065').AJ = 'Logiciel l’Expert';
        formOf(d, 'F-IDENTIF').AB = ' ';
        formOf(d, '2033F').BA = [{ name: 'N'.repeat(36) }, { name: 'MARTIN CLAIRE' }];
      }),
    );
    expect(rulesFired(anomalies)).toEqual(['value.charset', 'value.empty', 'value.too-long']);
    expect(ofRule(anomalies, 'value.charset')[0]!.message).toContain(
      'caractère « ’ » (U+2019) hors du jeu ISO-8859-15',
    );
    expect(ofRule(anomalies, 'value.too-long').map((a) => a.code)).toEqual(['BA', 'AQ']);
  });

  it('accepts the Latin-9 letters French needs (œ, €, accents)', () => {
    const text = "Œuvres d'art à 10 € : œ Ÿ Š š Ž ž à é î ô ù ç « »";
    expect(validate(simplified((d) => (formOf(d, '2065').AQ = text)))).toEqual([]);
  });

  it('warns on a percentage above 100 and refuses a negative quantity', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2033F').BR = [160, 40];
        formOf(d, '2033E').AA = -2;
      }),
    );
    expect(ofRule(anomalies, 'value.range')).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'BR', valueIndex: 0 }),
    ]);
    expect(ofRule(anomalies, 'value.negative')).toEqual([
      expect.objectContaining({ severity: 'error', code: 'AA' }),
    ]);
  });
});
