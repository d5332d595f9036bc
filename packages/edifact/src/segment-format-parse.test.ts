import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdifactError } from './edifact-error';
import type { Element, ElementValue, Segment } from './segment';
import { formatSegment } from './segment-format';
import { parseSegments } from './segment-parse';
import {
  DEFAULT_SERVICE_CHARS,
  DEFAULT_SERVICE_CHARS_V4,
  type ServiceChars,
} from './service-chars';
import { DGFIP_CHARS } from './testing/sample-interchange';

const CUSTOM: ServiceChars = {
  component: '*',
  element: '~',
  decimal: ',',
  release: '!',
  repetition: ' ',
  segment: '"',
};

function strip(segments: ReturnType<typeof parseSegments>): Segment[] {
  return segments.map(({ tag, elements }) => ({ tag, elements }));
}

describe('formatSegment', () => {
  it('escapes the segment terminator, separators and the release character itself', () => {
    expect(formatSegment({ tag: 'BGM', elements: ['IDF', "D'EXPERTISE"] }, DGFIP_CHARS)).toBe(
      "BGM+IDF+D?'EXPERTISE'",
    );
    expect(formatSegment({ tag: 'FTX', elements: ['1+1', 'a:b', 'why?'] })).toBe(
      "FTX+1?+1+a?:b+why??'",
    );
    expect(formatSegment({ tag: 'NAD', elements: ['DT', ['123', '100', '107'], '', 'A*B'] })).toBe(
      "NAD+DT+123:100:107++A*B'",
    );
  });

  it('uses the declared characters (custom UNA) and keeps the decimal mark as text', () => {
    expect(formatSegment({ tag: 'MOA', elements: [['ZZZ', '1234,50'], 'x~y*z!"'] }, CUSTOM)).toBe(
      'MOA~ZZZ*1234,50~x!~y!*z!!!""',
    );
  });

  it('writes repetitions with the version 4 separator, and refuses them in version 3', () => {
    const segment: Segment = {
      tag: 'RFF',
      elements: [{ repetitions: ['A', ['B', 'C'], 'D*E'] }],
    };
    expect(formatSegment(segment, DEFAULT_SERVICE_CHARS_V4)).toBe("RFF+A*B:C*D?*E'");
    expect(() => formatSegment(segment)).toThrow(
      'Segment RFF, élément 1 : l’élément est répété mais aucun séparateur de répétitions n’est ' +
        'déclaré (syntaxe version 3).',
    );
  });

  it('refuses a bad tag and a separator in a value when there is no release character', () => {
    expect(() => formatSegment({ tag: 'bgm', elements: [] })).toThrow(
      'Étiquette de segment invalide « bgm » (trois lettres majuscules ou chiffres attendus).',
    );
    const noRelease = { ...DEFAULT_SERVICE_CHARS, release: ' ' };
    expect(formatSegment({ tag: 'FTX', elements: ['A B?'] }, noRelease)).toBe("FTX+A B?'");
    expect(() => formatSegment({ tag: 'FTX', elements: ['A+B'] }, noRelease)).toThrow(
      'Segment FTX, élément 1 : la valeur contient le caractère de service « + » (U+002B) mais ' +
        'aucun caractère d’échappement n’est déclaré.',
    );
  });
});

describe('parseSegments', () => {
  it("unescapes ?' ?+ ?: and ??", () => {
    const [bgm, ftx] = parseSegments("BGM+IDF:71:211+D?'EXPERTISE'FTX+1?+1+a?:b+why??+??'");
    expect(bgm).toEqual({
      tag: 'BGM',
      elements: [['IDF', '71', '211'], "D'EXPERTISE"],
      index: 1,
      offset: 0,
    });
    expect(ftx?.elements).toEqual(['1+1', 'a:b', 'why?', '?']);
    expect(ftx?.offset).toBe(28);
  });

  it('keeps empty elements and components, and segments without elements', () => {
    expect(strip(parseSegments("NAD+DT++:X:+'UNS'UNS+'"))).toEqual([
      { tag: 'NAD', elements: ['DT', '', ['', 'X', ''], ''] },
      { tag: 'UNS', elements: [] },
      { tag: 'UNS', elements: [''] },
    ]);
  });

  it('accepts line breaks and blanks between segments, counted in offsets', () => {
    const segments = parseSegments("UNH+1'\r\nBGM+2'\n  UNT+3+1'\n");
    expect(segments.map((s) => [s.tag, s.index, s.offset])).toEqual([
      ['UNH', 1, 0],
      ['BGM', 2, 8],
      ['UNT', 3, 17],
    ]);
  });

  it('reads repetitions when a repetition separator is declared (version 4)', () => {
    expect(parseSegments("RFF+A*B:C*D?*E+F'", DEFAULT_SERVICE_CHARS_V4)[0]?.elements).toEqual([
      { repetitions: ['A', ['B', 'C'], 'D*E'] },
      'F',
    ]);
    expect(parseSegments("RFF+A*B'")[0]?.elements).toEqual(['A*B']);
  });

  it('reads custom separators', () => {
    expect(strip(parseSegments('MOA~ZZZ*1234,50~x!~y!*z!!!""BGM"', CUSTOM))).toEqual([
      { tag: 'MOA', elements: [['ZZZ', '1234,50'], 'x~y*z!"'] },
      { tag: 'BGM', elements: [] },
    ]);
  });

  it('refuses a release character at the very end', () => {
    const run = (): unknown => parseSegments("BGM+A'FTX+B?");
    expect(run).toThrow(EdifactError);
    expect(run).toThrow(
      'Segment 2 (FTX) : le caractère d’échappement « ? » termine le fichier sans caractère à protéger.',
    );
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ code: 'RELEASE_AT_END', segment: 2, offset: 11 });
    }
  });

  it('says when the last terminator is itself released', () => {
    expect(() => parseSegments("BGM+A'FTX+B?'")).toThrow(
      "Segment 2 (FTX) : le fichier se termine au milieu du segment : son « ' » final est protégé " +
        'par le caractère d’échappement « ? ».',
    );
    expect(strip(parseSegments("FTX+B??'"))).toEqual([{ tag: 'FTX', elements: ['B?'] }]);
  });

  it('refuses an unterminated segment and an invalid tag, with positions', () => {
    expect(() => parseSegments("BGM+A'FTX+B")).toThrow(
      "Segment 2 (FTX) : le fichier se termine au milieu du segment (terminateur « ' » manquant).",
    );
    expect(() => parseSegments("BGM+A'bgm+B'")).toThrow(
      'Segment 2 : étiquette de segment invalide « bgm » (trois lettres majuscules ou chiffres attendus).',
    );
    expect(() => parseSegments("BGM+A'BG+B'")).toThrow(
      /Segment 2 : étiquette de segment invalide « BG »/,
    );
    expect(() => parseSegments("BGM+A''")).toThrow(
      'Segment 2 : étiquette de segment invalide «  » (trois',
    );
    expect(() => parseSegments("BGM:1+A'")).toThrow(
      /Segment 1 : étiquette de segment invalide « BGM:1 »/,
    );
  });
});

/** Canonical elements: what parsing gives back (composites of 2+, repetitions of 2+). */
function elementArbitrary(withRepetitions: boolean): fc.Arbitrary<Element> {
  const text = fc.string({ unit: fc.constantFrom(...':+.?\' *~,!"aZ9é€\n'), maxLength: 8 });
  const anyText = fc.oneof(text, fc.string({ maxLength: 6 }));
  const value: fc.Arbitrary<ElementValue> = fc.oneof(
    anyText,
    fc.array(anyText, { minLength: 2, maxLength: 4 }),
  );
  const repeated = fc
    .array(value, { minLength: 2, maxLength: 3 })
    .map((repetitions) => ({ repetitions }));
  return withRepetitions
    ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: repeated })
    : value;
}

function segmentsArbitrary(withRepetitions: boolean): fc.Arbitrary<Segment[]> {
  const tag = fc.stringMatching(/^[A-Z0-9]{3}$/);
  const segment = fc.record({
    tag,
    elements: fc.array(elementArbitrary(withRepetitions), { maxLength: 6 }),
  });
  return fc.array(segment, { minLength: 1, maxLength: 5 });
}

describe('format → parse round trip (property)', () => {
  it.each([
    ['ISO 9735 defaults', DEFAULT_SERVICE_CHARS, false],
    ["DGFiP UNA:+,? '", DGFIP_CHARS, false],
    ['custom UNA*~,! "', CUSTOM, false],
    ['version 4 with repetitions', DEFAULT_SERVICE_CHARS_V4, true],
  ] as const)('gives back the same segments with %s', (_name, chars, withRepetitions) => {
    fc.assert(
      fc.property(
        segmentsArbitrary(withRepetitions),
        fc.constantFrom('', '\n', '\r\n'),
        (segments, gap) => {
          const text = segments.map((s) => formatSegment(s, chars)).join(gap);
          expect(strip(parseSegments(text, chars))).toEqual(segments);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
