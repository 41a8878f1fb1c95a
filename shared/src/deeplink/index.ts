export * from './deeplink';
export * from './shell-events';
