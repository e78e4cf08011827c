// The Astro peer of edgewire's bench (issue 11, item 3b): server output on Cloudflare Workers.
import cloudflare from '@astrojs/cloudflare';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  adapter: cloudflare({
    // No Cloudflare Images binding: the page has no images, and the bench serves it from a bare workerd.
    imageService: 'passthrough',
    // Nothing to prerender: one SSR route. Node avoids starting a workerd during the build.
    prerenderEnvironment: 'node',
  }),
  // The adapter would otherwise turn on sessions backed by a SESSION KV namespace; the page uses none.
  session: false,
  // Offline, quiet builds.
  telemetry: false,
});
