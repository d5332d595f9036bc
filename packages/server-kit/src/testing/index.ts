export * from './test-databases';
export * from './inject';
