// Test support: the valid deposits the differential test mutates, fixed in
// packages/pki/test-data/cms-differential/ (made once by scripts/make-differential-bases.ts), so
// that a seed names the same mutated bytes on every machine and a finding replays exactly.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { MutationBase } from './cms-mutations';

/** The folder of the fixed CA, keys, certificates and messages. */
export const DIFFERENTIAL_DATA_DIR = new URL('../../test-data/cms-differential/', import.meta.url);

/** The messages: file, the key that signed it, and whether it came from openssl. */
export const DIFFERENTIAL_BASES = [
  { name: 'ours, ECDSA P-256', file: 'ours-ecdsa-p256.p7m', key: 'ecdsa-p256.key' },
  {
    name: 'ours, RSA-2048 with the CA certificate',
    file: 'ours-rsa-2048-chain.p7m',
    key: 'rsa-2048.key',
  },
  {
    name: 'openssl -cades, ECDSA P-256',
    file: 'openssl-cades-ecdsa-p256.p7m',
    key: 'ecdsa-p256.key',
  },
  {
    name: 'openssl -cades -keyid, ECDSA P-256',
    file: 'openssl-keyid-ecdsa-p256.p7m',
    key: 'ecdsa-p256.key',
  },
] as const;

/** A fixed valid message with what the runner compares against. */
export interface DifferentialBase extends MutationBase {
  /** The content every message of the folder signs. */
  content: Buffer;
}

function read(name: string): Buffer {
  return readFileSync(new URL(name, DIFFERENTIAL_DATA_DIR));
}

/** The trusted CA (PEM) and the fixed messages with their signers' keys. */
export function loadDifferentialBases(): { caPem: string; bases: DifferentialBase[] } {
  const content = read('content.bin');
  return {
    caPem: read('ca.pem').toString('utf8'),
    bases: DIFFERENTIAL_BASES.map(({ name, file, key }) => ({
      name,
      message: read(file),
      privateKey: createPrivateKey(read(key).toString('utf8')),
      digest: 'sha256',
      content,
    })),
  };
}
