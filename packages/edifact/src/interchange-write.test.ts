import { describe, expect, it } from 'vitest';
import type { Charset } from './charsets';
import { EdifactError } from './edifact-error';
import { writeInterchange, type WriteInterchangeInput } from './interchange-write';
import type { Segment } from './segment';
import { DEFAULT_SERVICE_CHARS_V4 } from './service-chars';
import { sampleInput, sampleMessage, text } from './testing/sample-interchange';

function errorOf(run: () => unknown): EdifactError {
  try {
    run();
  } catch (error) {
    if (error instanceof EdifactError) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}

describe('writeInterchange', () => {
  it('writes the DGFiP-like envelope with computed counts and references (known answer)', () => {
    expect(text(writeInterchange(sampleInput(1, 1)))).toBe(
      "UNA:+,? 'UNB+UNOL:3+12345678900012:5:I+1234567:146+250314:0930+25031409300001+++++" +
        "TDT-PED-IN-TD2501+1'UNG+INFENT+NON_SECURISE_NON_SIGNE+MULTI_DISTRIBUTION+250314:0930+1+" +
        "UN+D:00B:FD2501'UNH+00001+INFENT:D:00B:UN:FD2501'BGM+IDF:71:211+D?'EXPERTISE ?+ ASSOCI\xc9S'" +
        "SEQ+1'IND+2033A     2500010001F1MOA'MOA+ZZZ:1000,50'UNT+6+00001'UNE+1+1'UNZ+1+25031409300001'",
    );
  });

  it('writes bare messages, line breaks, zero-padded counts and no UNA when asked', () => {
    const input: WriteInterchangeInput = {
      syntax: { identifier: 'UNOA', version: '3' },
      una: false,
      lineBreaks: true,
      countDigits: 5,
      unb: { sender: 'S', recipient: 'R', dateTime: ['250314', '0930'], controlReference: 'X' },
      messages: [
        {
          reference: '1',
          type: ['INVOIC', 'D', '96A', 'UN'],
          segments: [{ tag: 'BGM', elements: ['380'] }],
        },
      ],
    };
    expect(text(writeInterchange(input))).toBe(
      "UNB+UNOA:3+S+R+250314:0930+X'\nUNH+1+INVOIC:D:96A:UN'\nBGM+380'\nUNT+00003+1'\nUNZ+00001+X'\n",
    );
  });

  it('writes version 4 with its default UNA (repetition *) and repeated elements', () => {
    const written = text(
      writeInterchange({
        syntax: { identifier: 'UNOC', version: '4' },
        unb: { sender: 'S', recipient: 'R', dateTime: ['20250314', '0930'], controlReference: 'X' },
        messages: [
          {
            reference: '1',
            type: 'T',
            segments: [{ tag: 'RFF', elements: [{ repetitions: ['A', 'B*C'] }] }],
          },
        ],
      }),
    );
    expect(written).toBe(
      "UNA:+.?*'UNB+UNOC:4+S+R+20250314:0930+X'UNH+1+T'RFF+A*B?*C'UNT+3+1'UNZ+1+X'",
    );
  });

  it('refuses a character outside the charset, naming segment, element and component', () => {
    const input = sampleInput(1, 1);
    const unoc = { ...input, syntax: { identifier: 'UNOC' as const, version: '3' } };
    const groups = [
      {
        ...input.groups![0]!,
        messages: [
          { ...sampleMessage('00001', 0), segments: [{ tag: 'MOA', elements: [['ZZZ', '12 €']] }] },
        ],
      },
    ];
    const error = errorOf(() => writeInterchange({ ...unoc, groups }));
    expect(error.message).toBe(
      'Segment 4 (MOA), élément 1, composant 2 : le caractère « € » (U+20AC) n’est pas autorisé par le jeu de caractères UNOC (ISO 8859-1).',
    );
    expect(error).toMatchObject({
      code: 'CHARACTER_NOT_ALLOWED',
      segment: 4,
      element: 1,
      component: 2,
      offset: 218,
    });
  });

  it.each([
    ['both groups and messages', { messages: [] }, 'Des groupes ou des messages, pas les deux.'],
    [
      'an empty control reference',
      { unb: { ...sampleInput().unb, controlReference: '' } },
      'La référence de contrôle (UNB 0020) est obligatoire.',
    ],
    [
      'no UNA with custom characters',
      { una: false },
      'Sans UNA, seuls les caractères de service par défaut peuvent être utilisés.',
    ],
    [
      'an unknown charset',
      { syntax: { identifier: 'UNOY' as Charset, version: '3' } },
      'Identifiant de syntaxe « UNOY:3 » non pris en charge.',
    ],
    [
      'a repetition separator in version 3',
      { serviceChars: DEFAULT_SERVICE_CHARS_V4 },
      'En-tête UNA : la syntaxe version 3 n’a pas de séparateur de répétitions : la position 8 de l’UNA doit être une espace (trouvé « * » (U+002A)).',
    ],
  ])('refuses %s', (_name, change, message) => {
    expect(() => writeInterchange({ ...sampleInput(), ...change })).toThrow(message);
  });

  it('refuses service segments given as message content, and repeated elements in version 3', () => {
    const withTag = (segments: Segment[]): WriteInterchangeInput => ({
      ...sampleInput(),
      groups: [{ ...sampleInput().groups![0]!, messages: [{ ...sampleMessage('1'), segments }] }],
    });
    expect(() => writeInterchange(withTag([{ tag: 'UNT', elements: ['2', '1'] }]))).toThrow(
      'Le segment UNT est écrit par writeInterchange, pas dans un message.',
    );
    expect(() =>
      writeInterchange(withTag([{ tag: 'RFF', elements: [{ repetitions: ['A', 'B'] }] }])),
    ).toThrow(
      'Segment 4 (RFF), élément 1 : l’élément est répété mais aucun séparateur de répétitions n’est déclaré (syntaxe version 3).',
    );
  });
});
