// Test support: blind byte-level damage to a message, as a disk, a proxy or a careless tool
// would do it: flipped bits, changed, inserted, deleted or repeated bytes, truncation.
import type { Random } from './prng';

/** A mutated message and how it was made (enough to replay it by hand). */
export interface ByteMutation {
  bytes: Buffer;
  what: string;
}

function spliced(message: Buffer, at: number, remove: number, insert: Uint8Array): Buffer {
  return Buffer.concat([message.subarray(0, at), insert, message.subarray(at + remove)]);
}

function randomBytes(random: Random, count: number): Buffer {
  return Buffer.from(Array.from({ length: count }, () => random.below(256)));
}

/** One random byte-level mutation of `message` (never the identical bytes). */
export function mutateBytes(message: Buffer, random: Random): ByteMutation {
  const at = random.below(message.length);
  const span = 1 + random.below(Math.min(16, message.length - at));
  switch (random.below(7)) {
    case 0: {
      const mask = 1 + random.below(255);
      const bytes = Buffer.from(message);
      bytes[at] = (bytes[at] ?? 0) ^ mask;
      return { bytes, what: `xor 0x${mask.toString(16)} at ${at}` };
    }
    case 1: {
      const bit = random.below(8);
      const bytes = Buffer.from(message);
      bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
      return { bytes, what: `bit ${bit} flipped at ${at}` };
    }
    case 2: {
      const inserted = randomBytes(random, 1 + random.below(4));
      const where = random.below(message.length + 1);
      const what = `${inserted.toString('hex')} inserted at ${where}`;
      return { bytes: spliced(message, where, 0, inserted), what };
    }
    case 3:
      return {
        bytes: spliced(message, at, span, Buffer.alloc(0)),
        what: `${span} bytes deleted at ${at}`,
      };
    case 4:
      return { bytes: message.subarray(0, at), what: `truncated to ${at}` };
    case 5: {
      const copy = Buffer.from(message.subarray(at, at + span));
      return {
        bytes: spliced(message, at + span, 0, copy),
        what: `${span} bytes at ${at} repeated`,
      };
    }
    default: {
      const replacement = randomBytes(random, span);
      // Same bytes by chance: flip one so that the message really changes.
      if (replacement.equals(message.subarray(at, at + span))) {
        replacement[0] = (replacement[0] ?? 0) ^ 0xff;
      }
      const what = `${span} bytes at ${at} replaced by ${replacement.toString('hex')}`;
      return { bytes: spliced(message, at, span, replacement), what };
    }
  }
}
