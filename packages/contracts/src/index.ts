export * from './error-codes';
export * from './fields';
export * from './users';
export * from './auth';
export * from './audit';
export * from './siret';
export * from './partner';
export * from './client-space';
