export * from './model';
export * from './office';
export * from './search';
export * from './profiles';
export * from './requirements';
