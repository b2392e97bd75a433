// Configuration the harness gives the API, as configuration keys (passed as environment
// variables). Kept in one place so a renamed key is changed once.

/**
 * Every API instance under load: the ceiling endpoint mapped, rate limits off (one loopback client sends all the
 * load), and a response cap above the 73 MB CSV of scenario 7 (the default, 16 MiB, would refuse it).
 */
export const COMMON = {
  'Benchmarking:Enabled': 'true',
  'RateLimiting:Enabled': 'false',
  'Rest:MaxResponseBytes': String(256 * 1024 * 1024),
};

/** The server's output cache on (its default). */
export const CACHE_ON = {};

/** The output cache off, so every request reaches Postgres. */
export const CACHE_OFF = {
  'Rest:OutputCacheEnabled': 'false',
  'GraphQL:CacheEnabled': 'false',
};
