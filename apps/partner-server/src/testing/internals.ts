// The partner's internals that the benches measure directly (certificate issuance and CRL
// publication without HTTP), named here so that nothing outside the app reaches into its src/
// by path. Not for tests of behaviour: those go through the API.
export { findAccountByEmail } from '../accounts/accounts.repository';
export { publishCrl } from '../ca/crl.service';
export { issueSignature } from '../signatures/signatures.service';
