// Test helpers: a small DGFiP-like interchange (UNA:+,? ', UNOL:3, one INFENT group).
import { Buffer } from 'node:buffer';
import type { MessageInput, WriteInterchangeInput } from '../interchange-write';
import type { Segment } from '../segment';
import { DECIMAL_COMMA_SERVICE_CHARS, type ServiceChars } from '../service-chars';

/** DGFiP's service characters: decimal comma. */
export const DGFIP_CHARS: ServiceChars = DECIMAL_COMMA_SERVICE_CHARS;

/** Bytes of ASCII/Latin-1 test text, one byte per character. */
export function bytes(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

/** Bytes as Latin-1 text, to look at what was written. */
export function text(data: Uint8Array): string {
  return Buffer.from(data).toString('latin1');
}

/** An INFENT-like message: BGM, then `data` × (SEQ, IND, MOA+ZZZ). */
export function sampleMessage(reference: string, data = 2): MessageInput {
  const segments: Segment[] = [
    { tag: 'BGM', elements: [['IDF', '71', '211'], "D'EXPERTISE + ASSOCIÉS"] },
  ];
  for (let i = 1; i <= data; i += 1) {
    segments.push({ tag: 'SEQ', elements: [String(i)] });
    segments.push({ tag: 'IND', elements: [`2033A     2500010001F${i % 10}MOA`] });
    segments.push({ tag: 'MOA', elements: [['ZZZ', `${i * 1000},50`]] });
  }
  return { reference, type: ['INFENT', 'D', '00B', 'UN', 'FD2501'], segments };
}

/** The whole sample interchange input: one group of `messages` messages. */
export function sampleInput(messages = 2, data = 2): WriteInterchangeInput {
  return {
    syntax: { identifier: 'UNOL', version: '3' },
    serviceChars: DGFIP_CHARS,
    unb: {
      sender: ['12345678900012', '5', 'I'],
      recipient: ['1234567', '146'],
      dateTime: ['250314', '0930'],
      controlReference: '25031409300001',
      agreementIdentifier: 'TDT-PED-IN-TD2501',
      testIndicator: true,
    },
    groups: [
      {
        ung: {
          identification: 'INFENT',
          sender: 'NON_SECURISE_NON_SIGNE',
          recipient: 'MULTI_DISTRIBUTION',
          dateTime: ['250314', '0930'],
          reference: '1',
          controllingAgency: 'UN',
          messageVersion: ['D', '00B', 'FD2501'],
        },
        messages: Array.from({ length: messages }, (_, i) =>
          sampleMessage(String(i + 1).padStart(5, '0'), data),
        ),
      },
    ],
  };
}
