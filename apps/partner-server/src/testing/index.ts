// The partner's test support, reached from other packages, the e2e tests and the benches as
// `@passerelle/partner-server/testing`: the app on a scratch database with its SMTP inbox,
// certificates and signed deposits, the portal's forms.
export * from './test-partner';
export * from './deposits';
export * from './portal-client';
export * from './internals';
