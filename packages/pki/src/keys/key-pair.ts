import { defaultCrypto } from '../engine'; // first: loads reflect-metadata before x509
import type { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { encodePem } from '../pem';

/** Key types a declarant may generate (RSA-4096 is accepted by the CA but not offered: slow). */
export type GeneratedKeyType = 'ECDSA-P256' | 'ECDSA-P384' | 'RSA-2048' | 'RSA-3072';

/** A fresh key pair and the PEM PKCS#10 request that proves its possession. */
export interface KeyPairAndCsr {
  csrPem: string;
  privateKey: webcrypto.CryptoKey;
  publicKey: webcrypto.CryptoKey;
}

/** How each key type is generated, and the algorithm its CSR is signed with. */
interface KeyRecipe {
  key: webcrypto.EcKeyGenParams | webcrypto.RsaHashedKeyGenParams;
  signing: webcrypto.EcdsaParams | webcrypto.Algorithm;
}

const RECIPES: Readonly<Record<GeneratedKeyType, KeyRecipe>> = {
  'ECDSA-P256': {
    key: { name: 'ECDSA', namedCurve: 'P-256' },
    signing: { name: 'ECDSA', hash: 'SHA-256' },
  },
  'ECDSA-P384': {
    key: { name: 'ECDSA', namedCurve: 'P-384' },
    signing: { name: 'ECDSA', hash: 'SHA-384' },
  },
  // RSASSA-PKCS1-v1_5 takes its hash (SHA-256) from the key's algorithm.
  'RSA-2048': { key: rsa(2048), signing: { name: 'RSASSA-PKCS1-v1_5' } },
  'RSA-3072': { key: rsa(3072), signing: { name: 'RSASSA-PKCS1-v1_5' } },
};

function rsa(modulusLength: number): webcrypto.RsaHashedKeyGenParams {
  // publicExponent 65537 as big-endian octets, the only one the CA accepts.
  const publicExponent = new Uint8Array([1, 0, 1]);
  return { name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent, hash: 'SHA-256' };
}

/**
 * Generates a key pair and its self-signed CSR (subject default "CN=Passerelle"; the CA sets
 * its own). The private key is extractable by default, so that it can be stored encrypted
 * (PKCS#8 / PKCS#12); pass `extractable: false` for a key that lives only in memory.
 */
export async function generateKeyPairAndCsr(
  params: { keyType: GeneratedKeyType; subject?: string; extractable?: boolean },
  crypto: webcrypto.Crypto = defaultCrypto,
): Promise<KeyPairAndCsr> {
  const { key, signing } = RECIPES[params.keyType];
  const keys = (await crypto.subtle.generateKey(key, params.extractable ?? true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create(
    { name: params.subject ?? 'CN=Passerelle', keys, signingAlgorithm: signing },
    crypto,
  );
  return {
    csrPem: encodePem(csr.rawData, 'CERTIFICATE REQUEST'),
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
  };
}
