import { describe, expect, it } from 'vitest';
import { GOOD, errorOf, offsetOf, variant } from './testing/envelope-fixture';
import { bytes } from './testing/sample-interchange';

describe('readInterchange: every check, with its French message and position', () => {
  it.each([
    [
      'UNA malformed',
      { 0: "UNA::,? '" },
      'SERVICE_CHARS_INVALID',
      'En-tête UNA : le séparateur d’éléments « : » (U+003A) est déjà le séparateur de composants.',
      { tag: 'UNA', offset: 4 },
    ],
    [
      'UNA truncated',
      { 0: 'UNA:+', 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null, 8: null },
      'SERVICE_CHARS_INVALID',
      'En-tête UNA : l’en-tête UNA est incomplet (« UNA » suivi de 6 caractères attendu).',
      { offset: 0 },
    ],
    [
      'a repetition separator in version 3',
      { 0: "UNA:+,?*'" },
      'SERVICE_CHARS_INVALID',
      'En-tête UNA : la syntaxe version 3 n’a pas de séparateur de répétitions : la position 8 de l’UNA doit être une espace (trouvé « * » (U+002A)).',
      { offset: 7 },
    ],
    [
      'UNB not first',
      { 1: null },
      'UNB_MISSING',
      'Segment 1 (UNG) : le fichier doit commencer par un segment UNB (trouvé UNG).',
      { segment: 1, offset: 9 },
    ],
    [
      'UNA not at the start',
      { 0: "\r\nUNA:+,? '" },
      'UNB_MISSING',
      'Segment 1 (UNA) : l’en-tête UNA doit se trouver au tout début du fichier.',
      { offset: 2 },
    ],
    [
      'an unknown charset',
      { 1: "UNB+UNOY:3+S+R+1:2+REF1'" },
      'SYNTAX_UNSUPPORTED',
      'Segment 1 (UNB), élément 1, composant 1 : jeu de caractères « UNOY » non pris en charge (UNOA, UNOB, UNOC ou UNOL attendu).',
      { element: 1, component: 1 },
    ],
    [
      'an unknown syntax version',
      { 1: "UNB+UNOL:5+S+R+1:2+REF1'" },
      'SYNTAX_UNSUPPORTED',
      'Segment 1 (UNB), élément 1, composant 2 : version de syntaxe « 5 » non prise en charge (1 à 4 attendu).',
      { component: 2 },
    ],
    [
      'no control reference in UNB',
      { 1: "UNB+UNOL:3+S+R+1:2'" },
      'ELEMENT_INVALID',
      'Segment 1 (UNB), élément 5 : élément obligatoire absent : référence de contrôle de l’interchange (0020).',
      { segment: 1, element: 5 },
    ],
    [
      'a character outside UNOA',
      { 1: GOOD[1]!.replace('UNOL', 'UNOA'), 4: "BGM+IDF:71:211+D?'Expertise'" },
      'CHARACTER_NOT_ALLOWED',
      'Segment 4 (BGM), élément 2, composant 1 : le caractère « x » (U+0078) n’est pas autorisé par le jeu de caractères UNOA (majuscules sans accents, chiffres, ponctuation de base).',
      { segment: 4, element: 2, component: 1, offset: offsetOf(4) + 19 },
    ],
    [
      'a control character in a value',
      { 5: "MOA+ZZZ:1234,50\t'" },
      'CHARACTER_NOT_ALLOWED',
      'Segment 5 (MOA), élément 1, composant 2 : le caractère U+0009 n’est pas autorisé par le jeu de caractères UNOL (ISO 8859-15).',
      { offset: offsetOf(5) + 15 },
    ],
    [
      'an invalid tag',
      { 5: "moa+ZZZ:1'" },
      'SEGMENT_TAG_INVALID',
      'Segment 5 : étiquette de segment invalide « moa » (trois lettres majuscules ou chiffres attendus).',
      { segment: 5, offset: offsetOf(5) },
    ],
    [
      'a wrong UNT segment count',
      { 6: "UNT+5+00001'" },
      'COUNT_MISMATCH',
      'Segment 6 (UNT), élément 1 : le nombre de segments annoncé (5) ne correspond pas au nombre réel (4).',
      { segment: 6, tag: 'UNT', element: 1, offset: offsetOf(6) },
    ],
    [
      'a wrong UNT reference',
      { 6: "UNT+4+00002'" },
      'REFERENCE_MISMATCH',
      'Segment 6 (UNT), élément 2 : la référence du message (00002) ne correspond pas à celle de l’UNH (00001).',
      { element: 2 },
    ],
    [
      'a non-numeric UNT count',
      { 6: "UNT+4a+00001'" },
      'ELEMENT_INVALID',
      'Segment 6 (UNT), élément 1 : le nombre de segments doit être un entier (trouvé « 4a »).',
      { element: 1 },
    ],
    [
      'a composite UNT count',
      { 6: "UNT+4:1+00001'" },
      'ELEMENT_INVALID',
      'Segment 6 (UNT), élément 1 : nombre de segments doit être une valeur simple, sans composant.',
      { element: 1 },
    ],
    [
      'no UNH reference',
      { 3: "UNH++INFENT:D'" },
      'ELEMENT_INVALID',
      'Segment 3 (UNH), élément 1 : élément obligatoire absent : référence du message (0062).',
      { element: 1 },
    ],
    [
      'no message type',
      { 3: "UNH+00001'" },
      'ELEMENT_INVALID',
      'Segment 3 (UNH), élément 2, composant 1 : élément obligatoire absent : type de message (S009).',
      { element: 2 },
    ],
    [
      'no UNG reference',
      { 2: "UNG+INFENT+S+R+1:2'" },
      'ELEMENT_INVALID',
      'Segment 2 (UNG), élément 5 : élément obligatoire absent : référence du groupe (0048).',
      { element: 5 },
    ],
    [
      'a wrong UNE count',
      { 7: "UNE+2+1'" },
      'COUNT_MISMATCH',
      'Segment 7 (UNE), élément 1 : le nombre de messages annoncé (2) ne correspond pas au nombre réel (1).',
      { segment: 7 },
    ],
    [
      'a wrong UNE reference',
      { 7: "UNE+1+2'" },
      'REFERENCE_MISMATCH',
      'Segment 7 (UNE), élément 2 : la référence du groupe (2) ne correspond pas à celle de l’UNG (1).',
      { segment: 7 },
    ],
    [
      'a wrong UNZ count',
      { 8: "UNZ+2+REF1'" },
      'COUNT_MISMATCH',
      'Segment 8 (UNZ), élément 1 : le nombre de groupes annoncé (2) ne correspond pas au nombre réel (1).',
      { segment: 8 },
    ],
    [
      'a wrong UNZ reference',
      { 8: "UNZ+1+REF2'" },
      'REFERENCE_MISMATCH',
      'Segment 8 (UNZ), élément 2 : la référence de contrôle (REF2) ne correspond pas à celle de l’UNB (REF1).',
      { segment: 8 },
    ],
    [
      'UNH inside a message',
      { 6: "UNH+00002+INFENT:D'" },
      'UNEXPECTED_SEGMENT',
      'Segment 6 (UNH) : segment UNH inattendu : le message ouvert au segment 3 n’est pas fermé par UNT.',
      { segment: 6 },
    ],
    [
      'UNT without UNH',
      { 3: null, 4: null, 5: null },
      'UNEXPECTED_SEGMENT',
      'Segment 3 (UNT) : segment UNT inattendu : aucun message n’est ouvert.',
      { segment: 3 },
    ],
    [
      'data outside a message',
      { 3: null },
      'UNEXPECTED_SEGMENT',
      'Segment 3 (BGM) : segment BGM inattendu : les segments de données doivent se trouver entre UNH et UNT.',
      { segment: 3 },
    ],
    [
      'UNE without UNG',
      { 2: null },
      'UNEXPECTED_SEGMENT',
      'Segment 6 (UNE) : segment UNE inattendu : aucun groupe n’est ouvert.',
      { segment: 6 },
    ],
    [
      'UNG inside a group',
      { 7: "UNG+INFENT+S+R+1:2+2'" },
      'UNEXPECTED_SEGMENT',
      'Segment 7 (UNG) : segment UNG inattendu : le groupe ouvert au segment 2 n’est pas fermé par UNE.',
      { segment: 7 },
    ],
    [
      'UNZ inside a group',
      { 7: null },
      'UNEXPECTED_SEGMENT',
      'Segment 7 (UNZ) : segment UNZ inattendu : le groupe ouvert au segment 2 n’est pas fermé par UNE.',
      { segment: 7 },
    ],
    [
      'a second UNB',
      { 2: "UNB+UNOL:3+S+R+1:2+REF2'" },
      'UNEXPECTED_SEGMENT',
      'Segment 2 (UNB) : segment UNB inattendu : un seul UNB est permis, au début du fichier.',
      { segment: 2 },
    ],
    [
      'data after UNZ',
      { 8: "UNZ+1+REF1'\r\nUNB+UNOL:3'" },
      'DATA_AFTER_UNZ',
      'Segment 9 : des données suivent la fin de l’interchange (UNZ).',
      { segment: 9, offset: offsetOf(9) + 2 },
    ],
    [
      'garbage after UNZ',
      { 8: "UNZ+1+REF1'x" },
      'DATA_AFTER_UNZ',
      'Segment 9 : des données suivent la fin de l’interchange (UNZ).',
      { offset: offsetOf(9) },
    ],
    [
      'no UNZ',
      { 8: null },
      'INTERCHANGE_INCOMPLETE',
      'Segment 8 : le fichier se termine sans segment UNZ.',
      { segment: 8, offset: offsetOf(8) },
    ],
    [
      'a file cut inside a message',
      { 6: null, 7: null, 8: null },
      'INTERCHANGE_INCOMPLETE',
      'Segment 6 : le fichier se termine sans segment UNZ : le message ouvert au segment 3 n’est pas fermé par UNT.',
      { segment: 6 },
    ],
    [
      'a file cut inside a segment',
      { 8: 'UNZ+1+REF' },
      'SEGMENT_UNTERMINATED',
      "Segment 8 (UNZ) : le fichier se termine au milieu du segment (terminateur « ' » manquant).",
      { segment: 8, tag: 'UNZ', offset: offsetOf(8) },
    ],
    [
      'a file ending on a release character',
      { 8: 'UNZ+1+REF1?' },
      'RELEASE_AT_END',
      'Segment 8 (UNZ) : le caractère d’échappement « ? » termine le fichier sans caractère à protéger.',
      { offset: offsetOf(9) - 1 },
    ],
  ] as const)('refuses %s', (_name, changes, code, message, position) => {
    const error = errorOf(variant(changes));
    expect(error.message).toBe(message);
    expect(error).toMatchObject({ code, ...position });
  });

  it('refuses mixing groups and bare messages, both ways', () => {
    const bareThenGroup = "UNB+UNOA:3+S+R+1:2+X'UNH+1+T'UNT+2+1'UNG+G+S+R+1:2+9'UNE+0+9'UNZ+1+X'";
    expect(errorOf(bytes(bareThenGroup)).message).toBe(
      'Segment 4 (UNG) : segment UNG inattendu : l’interchange contient déjà des messages hors ' +
        'groupe : les groupes et les messages hors groupe ne peuvent pas être mélangés.',
    );
    const groupThenBare = "UNB+UNOA:3+S+R+1:2+X'UNG+G+S+R+1:2+9'UNE+0+9'UNH+1+T'UNT+2+1'UNZ+1+X'";
    expect(errorOf(bytes(groupThenBare)).message).toBe(
      'Segment 4 (UNH) : segment UNH inattendu : l’interchange utilise des groupes (UNG) : les ' +
        'groupes et les messages hors groupe ne peuvent pas être mélangés.',
    );
  });

  it('refuses an empty file and a UNA alone', () => {
    expect(errorOf(new Uint8Array()).message).toBe('Le fichier est vide.');
    expect(errorOf(bytes("UNA:+.? '\n")).message).toBe(
      'L’en-tête UNA n’est suivi d’aucun segment UNB.',
    );
  });

  it('refuses a byte outside UNOL (0x80) with its offset', () => {
    const data = Buffer.concat([
      bytes("UNB+UNOL:3+S+R+1:2+X'UNH+1+T'FTX+A"),
      Uint8Array.from([0x80]),
      bytes("'UNT+3+1'UNZ+1+X'"),
    ]);
    expect(errorOf(data)).toMatchObject({
      code: 'CHARACTER_NOT_ALLOWED',
      segment: 3,
      tag: 'FTX',
      element: 1,
      offset: 34,
    });
  });

  it('refuses characters outside the charset in UNB itself', () => {
    expect(errorOf(bytes("UNB+UNOA:3+Sender+R+1:2+X'UNZ+0+X'"))).toMatchObject({
      code: 'CHARACTER_NOT_ALLOWED',
      segment: 1,
      element: 2,
    });
  });
});
