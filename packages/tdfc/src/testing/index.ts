// Test support of @passerelle/tdfc, reached as `@passerelle/tdfc/testing`: the known-answer
// declarations, a sample INFENT-DF envelope, deposits and returns as bytes.
export * from './declarations';
export * from './infent';
export * from './returns';
export * from './sirens';
export { FIXTURES, readFixture, readFixtureJson } from './fixtures/fixtures';
export * from './packs';
