/** The Worker's bindings and vars (wrangler.toml). */
export interface Env {
  /** The public origin for absolute URLs, e.g. https://news.example.com. */
  SITE_URL: string;
  /**
   * Optional: the Worker's clock, an RFC 3339 instant (the tests' clock): which scheduled articles
   * are live is decided as of then. Unset, the time of each request.
   */
  EDGEWIRE_NOW?: string;
  /** Optional: bytes of article bodies each isolate keeps in memory (default 32 MiB). */
  BODY_CACHE_BYTES?: string;
  /** The body files the content build wrote (Workers Static Assets, `[assets]`). */
  ASSETS: Fetcher;
  /** Cloudflare's Images binding (`[images]`): makes the variants of the pictures the pages show (routes/images.ts). */
  IMAGES: ImagesBinding;
}
