import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildContent, type BuildResult } from '../../scripts/build/index';
import type { Article } from '../../src/content/article';
import { toNinjs } from '../../src/content/ninjs';
import { ORIGIN } from '../../src/store/bundle';
import { fixture, projectRoot } from './helpers';
import { photo } from './pictures';

type Built = Extract<BuildResult, { ok: true }>;
const execFileAsync = promisify(execFile);
const SITE = 'https://news.example';

/** The importer with `args`, as `npm run import -- args` runs it: its output. */
const run = (args: string[]) => execFileAsync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: projectRoot });
/** The same, expected to fail: its exit code and output. */
const runFailing = (args: string[]) =>
  run(args).then(
    () => expect.unreachable('the import succeeded'),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

/** A newsroom's content folder (the newsroom fixture's site, authors and pages) with no articles, and a folder for stories beside it. */
async function newsroom(): Promise<{ root: string; articles: string; wire: string }> {
  const root = await mkdtemp(join(tmpdir(), 'edgewire-ninjs-'));
  await cp(join(projectRoot, 'tests/fixtures/newsroom/content'), join(root, 'content'), { recursive: true, filter: (path) => !path.includes('/articles/') });
  const articles = join(root, 'content/articles');
  await mkdir(articles, { recursive: true });
  await mkdir(join(root, 'wire'));
  return { root, articles, wire: join(root, 'wire') };
}

/** A story as a wire service sends it: every member the importer maps, and one it only reports. */
const STORY = {
  uri: 'urn:newsml:wire.example:20261205:climate-deal',
  version: '2',
  type: 'text',
  firstCreated: '2026-12-05T09:00:00Z',
  versionCreated: '2026-12-05T11:30:00+01:00',
  pubStatus: 'usable',
  language: 'en',
  slugline: 'BC-EU-Climate-Deal',
  headlines: [
    { role: 'main', value: 'Ministers agree to cut emissions by 2035' },
    { role: 'sub', value: 'A deal after a night of talks' },
  ],
  descriptions: [{ role: 'summary', contentType: 'text/html', value: 'Ministers <b>agreed</b> on a target.' }],
  bodies: [
    {
      role: 'main',
      contentType: 'text/html',
      value:
        '<p>Ministers agreed on <em>Thursday</em> to cut emissions, <a href="https://eu.example/deal">the council said</a>.</p><figure><img src="https://wire.example/map.jpg" alt="Map"><figcaption>The map</figcaption></figure><h2>What changes</h2><ul><li>Cars</li><li>Power plants</li></ul><blockquote><p>"A good day," one said.</p></blockquote><div><span>The deal needs 2 * 3 votes_</span></div>',
    },
    { role: 'main', contentType: 'text/plain', value: 'Ministers agreed on Thursday to cut emissions.' },
  ],
  by: 'By Daniel Okafor and Lena Berg',
  people: [
    { name: 'Daniel Okafor', rel: 'author', uri: 'https://news.example/authors/daniel-okafor' },
    { name: 'Lena Berg', rel: 'author' },
  ],
  infoSources: [{ name: 'Wire Example', role: 'source', uri: 'https://wire.example/' }],
  subjects: [{ name: 'Economy', rel: 'section', literal: 'business' }, { name: 'Climate change', literal: 'climate-change' }, { name: 'Jobs' }],
  located: 'BRUSSELS',
  associations: [
    {
      name: 'featureimage',
      rel: 'featureimage',
      type: 'picture',
      uri: 'urn:wire:photo:1',
      by: 'Photo: Ana Ruiz/Wire Example',
      descriptions: [
        { role: 'alt', value: 'Ministers at a long table' },
        { role: 'caption', value: 'The ministers at dawn.' },
      ],
      renditions: [{ name: 'original', href: 'photo.jpg', contentType: 'image/jpeg' }],
    },
  ],
  edNote: 'Corrects the vote count in paragraph 3.',
};

const SLUG = 'ministers-agree-to-cut-emissions-by-2035';

/** The article STORY makes, word for word. */
const IMPORTED = `---
# Imported from story.json (ninjs urn:newsml:wire.example:20261205:climate-deal).
# Not imported: 1 picture(s), video(s) or sound(s) in the body (an article takes a story's photo as a file: its featureimage, or --image)
# Not imported: edNote: "Corrects the vote count in paragraph 3."

title: Ministers agree to cut emissions by 2035
alternativeHeadline: A deal after a night of talks
description: Ministers agreed on a target.
datePublished: 2026-12-05T09:00:00Z
dateModified: 2026-12-05T10:30:00Z
authors:
  - daniel-okafor
  - name: Lena Berg
source:
  name: Wire Example
  url: https://wire.example/
tags:
  - climate-change
  - jobs
section: business
lang: en
image:
  src: ${SLUG}.jpg
  alt: Ministers at a long table
  caption: The ministers at dawn.
  credit: "Photo: Ana Ruiz/Wire Example"
wire:
  uri: urn:newsml:wire.example:20261205:climate-deal
  version: "2"
  versionCreated: 2026-12-05T10:30:00Z
---

BRUSSELS — Ministers agreed on _Thursday_ to cut emissions, [the council said](https://eu.example/deal).

## What changes

- Cars
- Power plants

> "A good day," one said.

The deal needs 2 \\* 3 votes\\_
`;

/** Writes `story` as story.json into `wire` (and the photo its featureimage names), and imports it into `articles`. */
async function importStory(story: object, { articles, wire }: { articles: string; wire: string }) {
  const path = join(wire, 'story.json');
  await writeFile(path, JSON.stringify(story, null, 2));
  return { path, ...(await run([path, '--out', articles])) };
}

describe('ninjs importer (npm run import -- story.json)', () => {
  it('maps every member it reads into front matter and Markdown, with the featureimage as the lead image, and the article builds', async () => {
    const project = await newsroom();
    await writeFile(join(project.wire, 'photo.jpg'), await photo(1600, 900));
    const { stdout, stderr } = await importStory(STORY, project);
    const target = join(project.articles, `${SLUG}.md`);
    expect(stdout).toBe(
      `import: headline, alternative headline, description, body (5 blocks, from HTML), 2 author(s), source, 2 tag(s), section, dateline, lead image -> ${target}\n` +
        `import: the lead image -> ${join(project.articles, `${SLUG}.jpg`)}\nRun \`npm run build\` to validate it.\n`,
    );
    expect(stderr).toBe('import: not imported: 1 picture(s), video(s) or sound(s) in the body (an article takes a story\'s photo as a file: its featureimage, or --image)\nimport: not imported: edNote: "Corrects the vote count in paragraph 3."\n');
    expect(await readFile(target, 'utf8')).toBe(IMPORTED);
    expect(await readFile(join(project.articles, `${SLUG}.jpg`))).toEqual(await readFile(join(project.wire, 'photo.jpg')));
    const built = await buildContent({ root: project.root });
    expect(built.problems).toEqual([]);
  });

  it('takes a text/plain body when there is no HTML, its paragraphs escaped to read verbatim, and a byline from `by`', async () => {
    const project = await newsroom();
    const story = { uri: 'urn:x:1', firstCreated: '2026-12-05T09:00:00Z', headlines: [{ value: '# Not a heading' }], bodies: [{ contentType: 'text/plain', value: '1. Not a list\nbut one paragraph\n\n*Second* one' }], by: 'By Ana Ruiz, Lena Berg & Tom Hale' };
    await importStory(story, project);
    expect(await readFile(join(project.articles, 'not-a-heading.md'), 'utf8')).toBe(
      '---\n# Imported from story.json (ninjs urn:x:1).\n\ntitle: "# Not a heading"\ndatePublished: 2026-12-05T09:00:00Z\nauthors:\n  - name: Ana Ruiz\n  - name: Lena Berg\n  - name: Tom Hale\nwire:\n  uri: urn:x:1\n  versionCreated: 2026-12-05T09:00:00Z\n---\n\n1\\. Not a list but one paragraph\n\n\\*Second\\* one\n',
    );
  });

  it('imports a story under embargo with its embargo: it goes live then, with no rebuild (issue 19)', async () => {
    const project = await newsroom();
    const story = { uri: 'urn:x:2', firstCreated: '2026-12-05T09:00:00Z', embargoedUntil: '2999-01-01T00:00:00+01:00', headlines: [{ value: 'Quotas set' }], bodies: [{ contentType: 'text/plain', value: 'The quotas are set.' }] };
    const { stdout } = await importStory(story, project);
    expect(stdout).toContain('embargo');
    expect(await readFile(join(project.articles, 'quotas-set.md'), 'utf8')).toBe(
      '---\n# Imported from story.json (ninjs urn:x:2).\n\ntitle: Quotas set\ndatePublished: 2026-12-05T09:00:00Z\nembargo: 2998-12-31T23:00:00Z\nwire:\n  uri: urn:x:2\n  versionCreated: 2026-12-05T09:00:00Z\n---\n\nThe quotas are set.\n',
    );
  });

  it('reads a ninjs 2.x story, whose member names are lowercase, as the same story in 3.x', async () => {
    const project = await newsroom();
    const story = { uri: 'urn:x:2', firstcreated: '2026-12-05T09:00:00Z', versioncreated: '2026-12-05T10:00:00Z', pubstatus: 'usable', headlines: [{ value: 'Two' }], bodies: [{ contenttype: 'text/html', value: '<p>Body</p>' }], ednote: 'Internal' };
    const { stderr } = await importStory(story, project);
    expect(stderr).toBe('import: not imported: edNote: "Internal"\n');
    expect(await readFile(join(project.articles, 'two.md'), 'utf8')).toBe(
      '---\n# Imported from story.json (ninjs urn:x:2).\n# Not imported: edNote: "Internal"\n\ntitle: Two\ndatePublished: 2026-12-05T09:00:00Z\ndateModified: 2026-12-05T10:00:00Z\nwire:\n  uri: urn:x:2\n  versionCreated: 2026-12-05T10:00:00Z\n---\n\nBody\n',
    );
  });

  it.each([
    ['JSON cut short', '{ "uri": ', (path: string) => `import: ${path}: is not JSON (Unexpected end of JSON input)\n`],
    ['an array', '[1]', (path: string) => `import: ${path}: is not a ninjs object (a JSON object with a \`uri\`)\n`],
    ['a story without a uri', JSON.stringify({ ...STORY, uri: undefined }), (path: string) => `import: ${path}: uri: is required: the story's identifier, which a newer version repeats\n`],
    [
      'a body with script, an event handler, a javascript: link and an iframe',
      JSON.stringify({ ...STORY, bodies: [{ contentType: 'text/html', value: '<p onclick="steal()">Hi <a href="javascript:alert(1)">x</a></p><script>alert(1)</script><iframe src="https://ads.example"></iframe>' }] }),
      (path: string) => `import: ${path}: bodies: the text/html body holds what a page must not run or load, so nothing was imported: <p onclick>, <a href="javascript:alert(1)">, <script>, <iframe>\n`,
    ],
    ['a picture item without headline or body', JSON.stringify({ ...STORY, headlines: [], bodies: [], type: 'picture' }), (path: string) => `import: ${path}: type: must be text (a story); a picture item is not an article\nimport: ${path}: headlines: a story needs a headline (role main, or the first)\nimport: ${path}: bodies: a story needs a body (text/html or text/plain)\n`],
    ['a date and a status ninjs does not have', JSON.stringify({ ...STORY, firstCreated: '5 Dec 2026', pubStatus: 'draft' }), (path: string) => `import: ${path}: firstCreated: must be an RFC 3339 date-time with offset (2026-11-27T08:30:00Z)\nimport: ${path}: pubStatus: must be usable, withheld or canceled\n`],
    ['a withheld story', JSON.stringify({ ...STORY, pubStatus: 'withheld' }), (path: string) => `import: ${path}: not imported: the wire withheld this story (pubStatus withheld)\n`],
    ['a canceled story never imported', JSON.stringify({ ...STORY, pubStatus: 'canceled' }), (path: string) => `import: ${path}: not imported: the wire canceled this story (pubStatus canceled), and it was never imported\n`],
  ])('refuses %s with every problem and writes nothing', async (_case, json, message) => {
    const project = await newsroom();
    const path = join(project.wire, 'story.json');
    await writeFile(path, json);
    expect(await runFailing([path, '--out', project.articles])).toEqual({ code: 1, stdout: '', stderr: message(path) });
    expect(await readdir(project.articles)).toEqual([]);
  });

  it('updates the article from a newer version (keeping the newsroom\'s own tags and fields), leaves it for the same version, refuses an older one, and withdraws it when the wire cancels', async () => {
    const project = await newsroom();
    const first = { ...STORY, version: '1', versionCreated: '2026-12-05T09:00:00Z', associations: [] };
    await importStory(first, project);
    const target = join(project.articles, `${SLUG}.md`);
    // An editor features it and adds a tag.
    await writeFile(target, (await readFile(target, 'utf8')).replace('tags:\n', 'featured: true\ntags:\n  - brussels\n'));
    const second = { ...STORY, version: '3', versionCreated: '2026-12-05T12:00:00Z', headlines: [{ role: 'main', value: 'Ministers agree to cut emissions by 2035, after all' }], associations: [] };
    const updated = await importStory(second, project);
    expect(updated.stdout).toBe(`import: version 3 (2026-12-05T12:00:00Z) of ${STORY.uri} (was 1 (2026-12-05T09:00:00Z)): headline, description, body (5 blocks, from HTML), 2 author(s), source, 2 tag(s), section, dateline -> ${target}\nRun \`npm run build\` to validate it.\n`);
    const text = await readFile(target, 'utf8');
    expect(text).toContain('# Updated from version 1 (2026-12-05T09:00:00Z) to 3 (2026-12-05T12:00:00Z).\n');
    expect(text).toContain('title: Ministers agree to cut emissions by 2035, after all\n');
    expect(text).toContain('datePublished: 2026-12-05T09:00:00Z\ndateModified: 2026-12-05T12:00:00Z\n');
    expect(text).toContain('tags:\n  - brussels\n  - climate-change\n  - jobs\nsection: business\nlang: en\nfeatured: true\nwire:\n  uri: urn:newsml:wire.example:20261205:climate-deal\n  version: "3"\n  versionCreated: 2026-12-05T12:00:00Z\n---\n');
    expect(await readdir(project.articles)).toEqual([`${SLUG}.md`]);

    const same = await importStory(second, project);
    expect(same.stdout).toBe(`import: ${target} already holds version 3 (2026-12-05T12:00:00Z) of ${STORY.uri}; nothing changed\nRun \`npm run build\` to validate it.\n`);
    const path = join(project.wire, 'story.json');
    await writeFile(path, JSON.stringify({ ...first, version: '2' }));
    expect(await runFailing([path, '--out', project.articles])).toEqual({ code: 1, stdout: '', stderr: `import: ${path}: version 2 (2026-12-05T09:00:00Z) is older than 3 (2026-12-05T12:00:00Z) in ${target}; nothing changed\n` });
    expect(await readFile(target, 'utf8')).toBe(text);

    const canceled = await importStory({ ...second, version: '4', versionCreated: '2026-12-05T13:00:00Z', pubStatus: 'canceled' }, project);
    expect(canceled.stdout).toBe(`import: the wire canceled ${STORY.uri}: ${target} is withdrawn (it answers 410 Gone)\nRun \`npm run build\` to validate it.\n`);
    expect(await readFile(target, 'utf8')).toContain('withdrawn:\n  date: 2026-12-05T13:00:00Z\n  reason: The wire service canceled this story.\n');
    const built = (await buildContent({ root: project.root })) as Built;
    expect(built.problems).toEqual([]);
    expect(Object.keys(built.index.gone)).toEqual([SLUG]);
  });

  /** Each article of a fixture as the API serves it on SITE. */
  async function served(root: string): Promise<Article[]> {
    const built = (await buildContent({ root })) as Built;
    expect(built.problems).toEqual([]);
    return built.articles.map((line) => (JSON.parse(built.files.find(({ path }) => path === line.file)!.text.slice(...line.json).split(ORIGIN).join(SITE)) as { data: Article }).data);
  }

  it.each([
    ['newsroom', join(projectRoot, 'tests/fixtures/newsroom')],
    ['seed', join(projectRoot, 'tests/fixtures/seed')],
    ['good', fixture('good')],
  ])('gives back the same article from its ninjs export, for every article of the %s fixture (corrections and pictures do not travel in ninjs)', async (_name, root) => {
    const before = await served(root);
    const project = await mkdtemp(join(tmpdir(), 'edgewire-ninjs-'));
    await cp(join(root, 'content'), join(project, 'content'), { recursive: true, filter: (path) => !path.includes('/articles/') });
    const articles = join(project, 'content/articles');
    await mkdir(articles, { recursive: true });
    for (const article of before) {
      const path = join(project, `${article.slug}.json`);
      await writeFile(path, JSON.stringify(toNinjs(article, SITE)));
      await run([path, '--out', articles]);
      await rm(path);
    }
    const after = await served(project);
    expect(after.map(({ slug }) => slug)).toEqual(before.map(({ slug }) => slug));
    const travels = ({ corrections: _corrections, image: _image, images: _images, ...rest }: Article) => rest;
    expect(after.map(travels)).toEqual(before.map(travels));
  });
});
