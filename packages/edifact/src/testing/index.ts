// Test support of @passerelle/edifact, reached as `@passerelle/edifact/testing`: sample
// interchanges, read outcomes, and node-edifact as the third-party oracle.
export * from './collect';
export * from './envelope-fixture';
export * from './sample-interchange';
export * from './node-edifact-oracle';
