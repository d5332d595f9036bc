// Test support of the passerelle command line, reached as `@passerelle/cli/testing`: an
// in-memory terminal and the declarant API's answers as factories with overrides.
export * from './memory-io';
export * from './api-answers';
