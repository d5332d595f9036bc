export * from './mailer';
export * from './inbox';
