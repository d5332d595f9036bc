export * from './test-databases';
export * from './inject';
export * from './concurrency';
export * from './raw-http';
export * from './raw-host-request';
export * from './indexes.repository';
export * from './refused-uploads';
export * from './registered-routes';
