// Test helpers: a valid interchange, one segment a line, and variants of it.
import { EdifactError } from '../edifact-error';
import { readInterchange } from '../interchange-read';
import { bytes } from './sample-interchange';

/** A valid DGFiP-like interchange, one segment a line (segment numbers in comments). */
export const GOOD = [
  "UNA:+,? '",
  "UNB+UNOL:3+12345678900012:5:I+1234567:146+250314:0930+REF1'", // 1
  "UNG+INFENT+NON_SECURISE_NON_SIGNE+MULTI_DISTRIBUTION+250314:0930+1+UN+D:00B:FD2501'", // 2
  "UNH+00001+INFENT:D:00B:UN:FD2501'", // 3
  "BGM+IDF:71:211+D?'EXPERTISE'", // 4
  "MOA+ZZZ:1234,50'", // 5
  "UNT+4+00001'", // 6
  "UNE+1+1'", // 7
  "UNZ+1+REF1'", // 8
];

/** GOOD with line `index` (0 = UNA, 1 = UNB…) replaced; `null` removes it. */
export function variant(changes: Record<number, string | null>, lines = GOOD): Uint8Array {
  return bytes(lines.flatMap((line, i) => (i in changes ? (changes[i] ?? []) : [line])).join(''));
}

export function errorOf(
  data: Uint8Array,
  options?: Parameters<typeof readInterchange>[1],
): EdifactError {
  try {
    readInterchange(data, options);
  } catch (error) {
    if (error instanceof EdifactError) return error;
    throw error;
  }
  throw new Error('the interchange was accepted');
}

/** Byte offset where line `index` of GOOD starts. */
export function offsetOf(index: number, lines = GOOD): number {
  return lines.slice(0, index).join('').length;
}
