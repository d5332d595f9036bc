// @passerelle/pki/testing: what tests of this package and of the apps share — the `openssl`
// command line in a throw-away folder (the oracle every structure is checked against), and a
// test CA with holders of each key type made by this package's own issuance code.
export * from './openssl';
export * from './cms-fixtures';
