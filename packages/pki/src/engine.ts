// @peculiar/x509 2.2.0 resolves its algorithms through tsyringe, which throws at load time
// unless the Reflect metadata polyfill is loaded first (docs/stack.md §6.2). Every module of
// this package that uses x509 imports this file before it.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

let installed = false;

/** Points @peculiar/x509 and pkijs at Node's WebCrypto; safe to call any number of times. */
export function installCryptoEngine(): void {
  if (installed) return;
  x509.cryptoProvider.set(webcrypto);
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto }));
  installed = true;
}

installCryptoEngine();

/** The WebCrypto implementation every function of this package uses unless given another. */
export const defaultCrypto: webcrypto.Crypto = webcrypto;
