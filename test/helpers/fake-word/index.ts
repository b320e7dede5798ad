export * from './model';
export * from './office';
export * from './search';
