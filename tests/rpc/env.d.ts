// The consumer's bindings, and the test-only ones vitest.config.ts adds, as `env` from
// cloudflare:workers sees them in tests.
declare namespace Cloudflare {
  interface Env {
    ARTICLES: Service<import('../../src/index').ArticlesService>;
    /** edgewire's default export: the HTTP API the RPC results are compared with. */
    EDGEWIRE: Fetcher;
    /** edgewire deployed with a bad SITE_URL. */
    MISCONFIGURED: Service<import('../../src/index').ArticlesService>;
    MISCONFIGURED_HTTP: Fetcher;
    /** What that deployment logged (captured-console.ts): `take()` hands over its console lines. */
    MISCONFIGURED_CONSOLE: Service<Rpc.WorkerEntrypointBranded & { take(): { level: string; text: string }[] }>;
  }
  interface Exports {
    default: Fetcher;
  }
}
