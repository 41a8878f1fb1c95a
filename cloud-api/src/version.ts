import pkg from '../package.json' with { type: 'json' };

/** The cloud API's version, from its package.json. */
export const VERSION: string = pkg.version;
export const SERVICE_NAME = 'cloud-api';
