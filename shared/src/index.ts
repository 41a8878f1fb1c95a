export * from './ids';
export * from './domain/enums';
export * from './domain/records';
export * from './sync/layout';
export * from './sync/codec';
export * from './sync/token';
export * from './api/cloud';
export * from './rpc/contract';
