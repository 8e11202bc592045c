// The package version, inlined by the bundler (see scripts/build.mjs); read from package.json when run from source.
declare const __SEED_REVIEW_VERSION__: string | undefined;

export const VERSION: string =
  typeof __SEED_REVIEW_VERSION__ === 'string' ? __SEED_REVIEW_VERSION__ : (require('../../../package.json') as { version: string }).version;
