// The Worker's default export, as `exports` from cloudflare:workers sees it in tests.
declare namespace Cloudflare {
  interface Exports {
    default: Fetcher;
  }
}

// The bindings the tests read directly: the static assets (body and index files).
declare namespace Cloudflare {
  interface Env {
    ASSETS: Fetcher;
    /** The Images binding (run locally on sharp): the picture tests read a variant's size with it. */
    IMAGES: ImagesBinding;
  }
}
