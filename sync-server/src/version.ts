import pkg from '../package.json';

/** The sync server's version, from its package.json (inlined by the bundler). */
export const SERVER_VERSION: string = pkg.version;
