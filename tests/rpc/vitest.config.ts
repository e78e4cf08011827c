import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import type { EdgewireBundle } from './bundle-setup';
import { withCapturedConsole } from './captured-console.ts';

/** Miniflare's module types for workerd's (wrangler's default module rules). */
const MODULE_TYPES = { esModule: 'ESModule', commonJsModule: 'CommonJS', text: 'Text', data: 'Data', wasm: 'CompiledWasm' } as const;

/** edgewire as an auxiliary Worker named `name`: the deployed bundle, its assets, vars over wrangler.toml's. */
function edgewireWorker(name: string, edgewire: EdgewireBundle, vars: Record<string, string> = {}) {
  return {
    name,
    modulesRoot: edgewire.modulesRoot,
    modules: edgewire.modules.map(({ path, type }) => ({ type: MODULE_TYPES[type], path })),
    compatibilityDate: edgewire.compatibilityDate,
    compatibilityFlags: edgewire.compatibilityFlags,
    bindings: { ...edgewire.vars, ...vars },
    // As wrangler.toml's [assets] (run_worker_first): the Worker answers every path; only it reads the assets.
    assets: { directory: edgewire.assets, binding: 'ASSETS', run_worker_first: true, routerConfig: { has_user_worker: true } },
  };
}

// The Worker under test is a consumer (consumer.ts) that binds to edgewire's ArticlesService, as
// another team's Worker would; edgewire runs beside it from the bundle `wrangler deploy` uploads.
export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => {
      const edgewire = inject('edgewire');
      return {
        main: './consumer.ts',
        // Not workerd's --verbose, which logs every exception a Worker throws as an "uncaught
        // exception" with its stack, even one an RPC method throws to reject its caller's call
        // (the tests assert those rejections, message and class).
        verbose: false,
        miniflare: {
          compatibilityDate: edgewire.compatibilityDate,
          serviceBindings: {
            // The consumer's binding: wrangler.toml `[[services]] binding = "ARTICLES" service = "edgewire" entrypoint = "ArticlesService"`.
            ARTICLES: { name: 'edgewire', entrypoint: 'ArticlesService' },
            // For the tests: the same Worker over HTTP, and a deployment with a bad SITE_URL.
            EDGEWIRE: 'edgewire',
            MISCONFIGURED: { name: 'edgewire-misconfigured', entrypoint: 'ArticlesService' },
            MISCONFIGURED_HTTP: 'edgewire-misconfigured',
            MISCONFIGURED_CONSOLE: { name: 'edgewire-misconfigured', entrypoint: 'CapturedConsole' },
          },
          workers: [edgewireWorker('edgewire', edgewire), withCapturedConsole(edgewireWorker('edgewire-misconfigured', edgewire, { SITE_URL: 'news.example.com' }))],
        },
      };
    }),
  ],
  test: {
    name: 'rpc',
    include: ['**/*.test.ts'],
    globalSetup: ['./bundle-setup.ts'],
  },
});
