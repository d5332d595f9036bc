import { describe, expect, it } from 'vitest';
import { EdifactError } from './edifact-error';
import { readInterchange } from './interchange-read';
import { GOOD, errorOf, offsetOf, variant } from './testing/envelope-fixture';
import { bytes } from './testing/sample-interchange';

describe('readInterchange: valid files', () => {
  it('reads UNA, UNB, a group and its message with positions, unescaped values and the decimal comma as text', () => {
    const interchange = readInterchange(bytes(GOOD.join('')));
    expect(interchange.hadUna).toBe(true);
    expect(interchange.serviceChars.decimal).toBe(',');
    expect(interchange.syntax).toEqual({ identifier: 'UNOL', version: '3' });
    expect(interchange.header).toMatchObject({ tag: 'UNB', index: 1, offset: 9 });
    expect(interchange.groups).toHaveLength(1);
    const [message] = interchange.messages;
    expect(interchange.groups?.[0]?.messages[0]).toBe(message);
    expect(message).toMatchObject({ reference: '00001', type: 'INFENT' });
    expect(message?.header).toMatchObject({ index: 3, offset: offsetOf(3) });
    expect(message?.segments).toEqual([
      {
        tag: 'BGM',
        elements: [['IDF', '71', '211'], "D'EXPERTISE"],
        index: 4,
        offset: offsetOf(4),
      },
      { tag: 'MOA', elements: [['ZZZ', '1234,50']], index: 5, offset: offsetOf(5) },
    ]);
    expect(interchange.trailer).toMatchObject({ tag: 'UNZ', index: 8 });
  });

  it('accepts CR LF and blanks between segments and after UNZ', () => {
    const interchange = readInterchange(bytes(`${GOOD.join('\r\n')}\r\n  \n`));
    expect(interchange.messages[0]?.segments).toHaveLength(2);
    expect(interchange.trailer.offset).toBe(offsetOf(8) + 8 * 2);
  });

  it('reads bare messages (no UNG): groups is null and UNZ counts messages', () => {
    const lines = [
      "UNB+UNOC:3+S+R+250314:0930+7'",
      "UNH+1+INVOIC:D:96A:UN'",
      "UNT+2+1'",
      "UNH+2+INVOIC:D:96A:UN'",
      "BGM+380'",
      "UNT+3+2'",
      "UNZ+2+7'",
    ];
    const interchange = readInterchange(bytes(lines.join('')));
    expect(interchange.hadUna).toBe(false);
    expect(interchange.groups).toBeNull();
    expect(interchange.messages.map((m) => m.reference)).toEqual(['1', '2']);
  });

  it('reads custom UNA separators', () => {
    const text =
      'UNA*~,! "UNB~UNOB*3~S~R~250314*0930~X"UNH~1~INFENT*D"FTX~a!~b*c!*d!!"UNT~3~1"UNZ~1~X"';
    const interchange = readInterchange(bytes(text));
    expect(interchange.messages[0]?.segments[0]?.elements).toEqual([['a~b', 'c*d!']]);
  });

  it('uses the version 4 defaults (repetition *) when a version 4 file has no UNA', () => {
    const text = "UNB+UNOC:4+S+R+20250314:0930+X'UNH+1+T:D'RFF+A*B'UNT+3+1'UNZ+1+X'";
    const interchange = readInterchange(bytes(text));
    expect(interchange.serviceChars.repetition).toBe('*');
    expect(interchange.messages[0]?.segments[0]?.elements).toEqual([{ repetitions: ['A', 'B'] }]);
  });

  it('decodes UNOL bytes (€ is 0xA4) and UNOC bytes (0xA4 is ¤)', () => {
    const body = (charset: string): Uint8Array =>
      Buffer.concat([
        bytes(`UNB+${charset}:3+S+R+250314:0930+X'UNH+1+T'FTX+`),
        Uint8Array.from([0xa4, 0xbc, 0xe9]),
        bytes("'UNT+3+1'UNZ+1+X'"),
      ]);
    expect(readInterchange(body('UNOL')).messages[0]?.segments[0]?.elements).toEqual(['€Œé']);
    expect(readInterchange(body('UNOC')).messages[0]?.segments[0]?.elements).toEqual(['¤¼é']);
  });

  it('accepts an empty interchange and an empty group', () => {
    expect(readInterchange(bytes("UNB+UNOA:3+S+R+1:2+X'UNZ+0+X'")).messages).toEqual([]);
    const group = readInterchange(bytes("UNB+UNOA:3+S+R+1:2+X'UNG+G+S+R+1:2+9'UNE+0+9'UNZ+1+X'"));
    expect(group.groups?.[0]?.messages).toEqual([]);
  });
});

describe('readInterchange: limits and input type', () => {
  it('enforces the segment length and interchange size limits', () => {
    const long = variant({ 4: `BGM+${'A'.repeat(200)}'` });
    expect(errorOf(long, { maxSegmentLength: 100 })).toMatchObject({
      code: 'SEGMENT_TOO_LONG',
      segment: 4,
      tag: 'BGM',
      message: 'Segment 4 (BGM) : le segment dépasse la longueur maximale de 100 octets.',
    });
    expect(() => readInterchange(long, { maxSegmentLength: 205 })).not.toThrow();
    expect(errorOf(long, { maxInterchangeSize: 100 }).message).toBe(
      'Le fichier dépasse la taille maximale de 100 octets.',
    );
    expect(errorOf(long, { maxSegmentLength: 0 }).code).toBe('INPUT_INVALID');
  });

  it('refuses text instead of bytes', () => {
    expect(() => readInterchange(GOOD.join('') as unknown as Uint8Array)).toThrow(EdifactError);
  });
});
