import { describe, expect, it } from 'vitest';
import * as edifact from './index';

describe('@passerelle/edifact entry point', () => {
  it('exports the public API: write, read, stream and the one error class', async () => {
    const bytes = edifact.writeInterchange({
      syntax: { identifier: 'UNOL', version: '3' },
      serviceChars: { ...edifact.DEFAULT_SERVICE_CHARS, decimal: ',' },
      unb: {
        sender: ['12345678900012', '5', 'I'],
        recipient: ['1234567', '146'],
        dateTime: edifact.formatDateTime(new Date('2025-03-14T09:30:00Z')),
        controlReference: 'REF1',
      },
      messages: [
        {
          reference: '00001',
          type: ['INFENT', 'D', '00B', 'UN'],
          segments: [
            {
              tag: 'MOA',
              elements: [
                [
                  'ZZZ',
                  edifact.formatDecimal(12.5, { ...edifact.DEFAULT_SERVICE_CHARS, decimal: ',' }),
                ],
              ],
            },
          ],
        },
      ],
    });
    const interchange = edifact.readInterchange(bytes);
    const moa = interchange.messages[0]!.segments[0]!;
    expect(edifact.getComponent(moa, 1, 2)).toBe('12,5');
    expect(edifact.parseDecimal(edifact.getComponent(moa, 1, 2), interchange.serviceChars)).toBe(
      12.5,
    );
    const types: string[] = [];
    for await (const event of edifact.streamInterchange([bytes])) types.push(event.type);
    expect(types).toEqual(['interchange-start', 'message', 'interchange-end']);
    expect(() => edifact.readInterchange(bytes.subarray(0, 20))).toThrow(edifact.EdifactError);
    expect(edifact.CHARSETS).toEqual(['UNOA', 'UNOB', 'UNOC', 'UNOL']);
  });
});
