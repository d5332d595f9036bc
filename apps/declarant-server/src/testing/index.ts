// The declarant's test support, reached from other packages, the e2e tests and the benches as
// `@passerelle/declarant-server/testing` (never by a path into src/): the app on a scratch
// database, worlds with a real partner, factories of request bodies, paged-list reading.
export * from './factories';
export * from './test-app';
export * from './signature-world';
export * from './sending-world';
export * from './pages';
export * from './internals';
