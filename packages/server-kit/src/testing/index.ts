export * from './test-databases';
export * from './inject';
export * from './raw-http';
