import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { adminCsp, adminFiles, adminHeaders, adminPage } from '../../scripts/build/admin';
import { buildContent } from '../../scripts/build/index';
import { buildStreamed } from '../../scripts/build/writer';
import { memorySink } from '../../scripts/build/sink';
import { siteSchema } from '../../src/content/site';
import { article, contentRoot, tempDir, writeSiteFile } from './helpers';

/**
 * The editor at /admin/ in the build (issue 19, scripts/build/admin.ts): its page, its config and
 * the `_headers` that give it its own CSP, and Decap's bundle copied beside them; made only where
 * it has somewhere to save to. A stand-in bundle here (the real one is fetched from the npm
 * registry by npm run dev, and driven by Chromium in npm run check:cms).
 */

async function fakeBundle(): Promise<string> {
  const dir = join(await tempDir(), 'decap');
  await mkdir(dir, { recursive: true });
  for (const name of ['decap-cms.js', '1077.decap-cms.js', 'decap-cms.js.LICENSE.txt', 'decap-cms.js.map', 'cms.js', 'cms.js.map']) await writeFile(join(dir, name), `/* ${name} */\n`);
  return dir;
}

const settings = (cms?: object) => siteSchema.parse({ name: 'The Harbour Courier', language: 'en-GB', ...(cms === undefined ? {} : { cms }) });
const LOCAL = { kind: 'local', url: 'http://localhost:8081/api/v1' } as const;

describe('/admin/', () => {
  it('is a page that loads the bundle and names its config, its site\'s name escaped', () => {
    expect(adminPage('Ink & <Paper>', 'en-GB')).toBe(`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Editor · Ink &amp; &lt;Paper></title>
<link rel="cms-config-url" type="text/yaml" href="/admin/config.yml">
</head>
<body>
<script src="/admin/decap-cms-3.16.3/decap-cms.js"></script>
</body>
</html>
`);
  });

  it('has a CSP of its own: Decap\'s eval and inline styles, and a connection to where it saves only', () => {
    expect(adminCsp(LOCAL)).toBe("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' blob: http://localhost:8081; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    expect(adminCsp({ kind: 'github', repo: 'harbour/site', branch: 'main' })).toBe("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com; font-src 'self'; connect-src 'self' blob: https://api.github.com; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    expect(adminHeaders(LOCAL)).toBe(`# Made by the content build (scripts/build/admin.ts): the editor at /admin/, served without the Worker.
/admin/*
  Content-Security-Policy: ${adminCsp(LOCAL)}
  X-Robots-Tag: noindex
  Referrer-Policy: same-origin
  X-Content-Type-Options: nosniff
  Cache-Control: no-cache
`);
  });

  it('is made in a dev build (saving through decap-server), and in production only where site.yml names the repository', async () => {
    const bundle = await fakeBundle();
    const paths = (files: { path: string }[]) => files.map(({ path }) => path);
    const dev = adminFiles({ bundle, local: 'http://localhost:9000/api/v1' }, settings(), true, memorySink);
    expect(paths(dev)).toEqual(['/_headers', '/admin/index.html', '/admin/config.yml', '/admin/decap-cms-3.16.3/1077.decap-cms.js', '/admin/decap-cms-3.16.3/decap-cms.js', '/admin/decap-cms-3.16.3/decap-cms.js.LICENSE.txt']);
    const config = (files: ReturnType<typeof adminFiles>) => parse((files.find(({ path }) => path === '/admin/config.yml') as { text: string }).text) as { backend: unknown };
    expect(config(dev).backend).toEqual({ name: 'proxy', proxy_url: 'http://localhost:9000/api/v1', branch: 'main' });
    expect(adminFiles({ bundle }, settings(), false, memorySink)).toEqual([]);
    const site = adminFiles({ bundle }, settings({ repo: 'harbour/site', authUrl: 'https://auth.harbour.example' }), false, memorySink);
    expect(config(site).backend).toEqual({ name: 'github', repo: 'harbour/site', branch: 'main', base_url: 'https://auth.harbour.example' });
    // Without the bundle (not fetched yet), nothing.
    expect(adminFiles({ bundle: join(bundle, 'missing') }, settings(), true, memorySink)).toEqual([]);
    expect(adminFiles(undefined, settings(), true, memorySink)).toEqual([]);
  });

  it('goes into the assets with the build, its page, config and _headers replaced when they change and kept when the build is the same', async () => {
    const bundle = await fakeBundle();
    const root = await contentRoot({ 'articles/a.md': article('title: A\ndatePublished: 2026-12-01') });
    const out = { module: join(root, 'content.txt'), assets: join(root, 'assets') };
    const build = (name: string) => async () => {
      await writeSiteFile(root, `name: ${name}\n`);
      return buildStreamed(out, (sink) => buildContent({ root, sink, admin: { bundle }, includeDrafts: true, dev: { lastGood: { get: () => undefined } as never } }));
    };
    await build('First')();
    expect((await readdir(out.assets)).sort()).toEqual(['_headers', 'admin', 'b', 'i']);
    expect(await readFile(join(out.assets, 'admin/index.html'), 'utf8')).toContain('<title>Editor · First</title>');
    const again = await build('First')();
    expect(again.written).toMatchObject({ written: 0, removed: 0 });
    const renamed = await build('Second')();
    expect(await readFile(join(out.assets, 'admin/index.html'), 'utf8')).toContain('<title>Editor · Second</title>');
    expect((await readdir(join(out.assets, 'admin/decap-cms-3.16.3'))).sort()).toEqual(['1077.decap-cms.js', 'decap-cms.js', 'decap-cms.js.LICENSE.txt']);
    expect(renamed.written!.removed).toBeGreaterThan(0);
    expect(await readFile(join(out.assets, '_headers'), 'utf8')).toBe(adminHeaders(LOCAL));
  });
});
