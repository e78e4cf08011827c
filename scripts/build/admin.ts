import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteSettings } from '../../src/content/site';
import { DECAP, isServed } from '../cms/release';
import { cmsConfig, type CmsBackend } from './cms-config';
import type { BodySink, CopiedFile, KeptFile, StoredFile } from './sink';

/**
 * The editor at /admin/ (issue 19, docs/CMS.md): Decap CMS's page, its configuration made from the
 * schemas, its bundle, and the `_headers` that give /admin/ its own CSP. They are static assets
 * Cloudflare serves without running the Worker (wrangler.toml: `run_worker_first = ["/*",
 * "!/admin/*"]`), so readers' requests never pay for them and the editor never touches the
 * Worker's routes. A dev build saves through decap-server (EDGEWIRE_CMS_URL, scripts/cms/dev.ts);
 * a production build through GitHub, when site.yml names the repository (`cms:`), and has no
 * /admin/ otherwise. Nothing is made without the bundle (`.edgewire/cms/`, fetched by
 * `npm run dev` and `npm run deploy`).
 */

/** The folder of the bundle's files in the assets: its version in the path, so a new release is new files. */
export const BUNDLE_FOLDER = `/admin/decap-cms-${DECAP.version}`;

/** What a build needs for /admin/: the unpacked bundle (scripts/cms/decap.ts), and in a dev build decap-server's URL. */
export interface AdminOptions {
  bundle: string;
  /** EDGEWIRE_CMS_URL: a dev build saves through decap-server there. */
  local?: string;
}

/** A file named by its place, not its bytes (the editor's page, config and `_headers`): the writer replaces it whenever its text changed. */
export type PlacedFile = KeptFile & { replace: true };

/** Where the editor saves: decap-server in a dev build; in production the repository site.yml names, or nowhere (no /admin/). */
export function adminBackend(options: AdminOptions, settings: Pick<SiteSettings, 'cms'>, dev: boolean): CmsBackend | null {
  if (dev) return { kind: 'local', url: options.local ?? 'http://localhost:8081/api/v1' };
  const { cms } = settings;
  return cms === undefined ? null : { kind: 'github', repo: cms.repo, branch: cms.branch, authUrl: cms.authUrl };
}

/** Every file of /admin/ for the assets: the page, its config and `_headers` (replaced when they change), and the bundle's files (copied once: its version is in their path). */
export function adminFiles(options: AdminOptions | undefined, settings: SiteSettings, dev: boolean, sink: BodySink<StoredFile>): (PlacedFile | CopiedFile)[] {
  if (options === undefined || !existsSync(join(options.bundle, 'decap-cms.js'))) return [];
  const backend = adminBackend(options, settings, dev);
  if (backend === null) return [];
  const placed = (path: string, text: string): PlacedFile => ({ path, text, bytes: Buffer.byteLength(text), replace: true });
  const bundle = readdirSync(options.bundle).filter(isServed).sort();
  return [
    placed('/_headers', adminHeaders(backend)),
    placed('/admin/index.html', adminPage(settings.name, settings.language)),
    placed('/admin/config.yml', cmsConfig(backend)),
    ...bundle.map((name) => sink.copy({ path: `${BUNDLE_FOLDER}/${name}`, from: join(options.bundle, name) })),
  ];
}

/** The Content-Security-Policy of /admin/: Decap needs eval (Ajv compiles its config's schema) and inline styles (emotion); it talks to its backend only. */
export function adminCsp(backend: CmsBackend): string {
  const connect = backend.kind === 'local' ? new URL(backend.url).origin : 'https://api.github.com';
  const images = backend.kind === 'local' ? '' : ' https://avatars.githubusercontent.com';
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${images}`,
    "font-src 'self'",
    `connect-src 'self' blob: ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The `_headers` file (Workers Static Assets' custom headers): /admin/ with its own policy, never indexed, never kept stale. */
export function adminHeaders(backend: CmsBackend): string {
  return [
    '# Made by the content build (scripts/build/admin.ts): the editor at /admin/, served without the Worker.',
    '/admin/*',
    `  Content-Security-Policy: ${adminCsp(backend)}`,
    '  X-Robots-Tag: noindex',
    '  Referrer-Policy: same-origin',
    '  X-Content-Type-Options: nosniff',
    '  Cache-Control: no-cache',
    '',
  ].join('\n');
}

/** /admin/: a page that loads the bundle, which reads its configuration from the link. */
export function adminPage(siteName: string, lang: string): string {
  const escaped = siteName.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Editor · ${escaped}</title>
<link rel="cms-config-url" type="text/yaml" href="/admin/config.yml">
</head>
<body>
<script src="${BUNDLE_FOLDER}/decap-cms.js"></script>
</body>
</html>
`;
}
