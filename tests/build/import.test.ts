import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../scripts/build/index';
import { renderBody } from '../../scripts/build/render';
import { escapeMarkdownText } from '../../scripts/import/markdown';
import { slugify } from '../../scripts/import/article';
import { parseWire } from '../../scripts/import/wire';
import { contentRoot } from './helpers';
import { photo } from './pictures';

const root = join(import.meta.dirname, '../..');
const seedFile = join(root, 'tests/fixtures/seed/wire.txt');
const execFileAsync = promisify(execFile);
/** The importer with `args`, as `npm run import -- args` runs it. */
const run = (args: string[]) => execFileAsync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: root });
/** The same, expected to fail: its exit code and output. */
const runFailing = (args: string[]) =>
  run(args).then(
    () => expect.unreachable('the import succeeded'),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe('wire importer', () => {
  it('imports the seed into exactly the seed fixture\'s article (but for the tags an editor added) and reports the unexplained line', async () => {
    const out = await mkdtemp(join(tmpdir(), 'edgewire-import-'));
    const { stdout, stderr } = await run([seedFile, '--date', '2026-11-27', '--out', out]);
    const slug = 'niger-embraces-russian-military-trainers';
    expect(stdout).toBe(`import: 7 paragraphs, source, title, alternative headline -> ${join(out, `${slug}.md`)}\nRun \`npm run build\` to validate it.\n`);
    expect(stderr).toBe(`import: line 11 not understood: "100"; kept as a comment in ${join(out, `${slug}.md`)}, not published\n`);
    const imported = await readFile(join(out, `${slug}.md`), 'utf8');
    const committed = await readFile(join(root, `tests/fixtures/seed/content/articles/${slug}.md`), 'utf8');
    const TAGS = 'source: Ap news\ntags: [niger, russia, sahel]\n';
    expect(committed.split(TAGS)).toHaveLength(2);
    expect(imported.replace('wire.txt', '000_c105de564164724f.txt')).toBe(committed.replace(TAGS, 'source: Ap news\n'));
  });

  it('refuses to overwrite an article', async () => {
    const out = await mkdtemp(join(tmpdir(), 'edgewire-import-'));
    await run([seedFile, '--date', '2026-11-27', '--out', out]);
    expect(await runFailing([seedFile, '--date', '2026-11-27', '--out', out])).toEqual({
      code: 1,
      stdout: '',
      stderr: `import: ${join(out, 'niger-embraces-russian-military-trainers.md')} exists; not overwritten (choose another --slug)\n`,
    });
  });

  it.each([
    [['--slug', 'Bad_Slug'], 'import: --slug: must be lowercase a-z, 0-9 and single hyphens (it is the file name)\n'],
    [['--slug', 'double--hyphen'], 'import: --slug: must be lowercase a-z, 0-9 and single hyphens (it is the file name)\n'],
    [['--date', '2026-02-30'], 'import: --date: must be an ISO 8601 date (2026-11-27) or date-time with offset (2026-11-27T08:30:00Z)\n'],
    [['--date', '2026-11-27T08:30:00'], 'import: --date: must be an ISO 8601 date (2026-11-27) or date-time with offset (2026-11-27T08:30:00Z)\n'],
    [
      ['--slug', 'trailing-', '--date', '27/11/2026'],
      'import: --slug: must be lowercase a-z, 0-9 and single hyphens (it is the file name)\n' +
        'import: --date: must be an ISO 8601 date (2026-11-27) or date-time with offset (2026-11-27T08:30:00Z)\n',
    ],
  ])('rejects %j by the content schema, writing nothing', async (options, stderr) => {
    const out = await mkdtemp(join(tmpdir(), 'edgewire-import-'));
    expect(await runFailing([seedFile, '--out', out, ...options])).toEqual({ code: 1, stdout: '', stderr });
    expect(await readdir(out)).toEqual([]);
  });

  it('takes a date-time with offset, as the schema does, and writes it as given', async () => {
    const out = await mkdtemp(join(tmpdir(), 'edgewire-import-'));
    await run([seedFile, '--out', out, '--date', '2026-11-27T08:30:00+01:00', '--slug', 'niger-trainers']);
    expect(await readFile(join(out, 'niger-trainers.md'), 'utf8')).toContain('\ndatePublished: 2026-11-27T08:30:00+01:00\n');
  });

  it('asks for --slug when the title has nothing to make a slug of', async () => {
    const out = await mkdtemp(join(tmpdir(), 'edgewire-import-'));
    const story = join(out, 'story.txt');
    await writeFile(story, 'Первый абзац.\nSource: ТАСС\nНовости дня\n');
    expect(await runFailing([story, '--date', '2026-11-27', '--out', out])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'import: the title "Новости дня" has no letters a-z or digits to make a slug of; pass --slug\n',
    });
    expect(await readdir(out)).toEqual(['story.txt']);
    await run([story, '--date', '2026-11-27', '--out', out, '--slug', 'novosti-dnya']);
    expect(await readdir(out)).toEqual(['novosti-dnya.md', 'story.txt']);
  });

  it('needs exactly one story file, and says how to call it', async () => {
    const { stdout: usage } = await run(['--help']);
    expect(await runFailing([])).toEqual({ code: 2, stdout: '', stderr: `import: expected exactly one story file\n\n${usage}` });
  });

  it('maps the seed lines and keeps the last one as not understood', async () => {
    const parsed = parseWire(await readFile(seedFile, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.story.paragraphs).toHaveLength(7);
    expect(parsed.story.source).toBe('Ap news');
    expect(parsed.story.title).toBe('Niger Embraces Russian Military Trainers Amid Rising Security Concerns');
    expect(parsed.story.alternativeHeadline).toBe("Niger's Engagement with Russian Military Trainers");
    expect(parsed.story.unmapped).toEqual([{ line: 11, text: '100' }]);
  });

  it('rejects text without a Source line', () => {
    expect(parseWire('just a paragraph\n')).toEqual({ ok: false, message: 'no "Source: …" line, so the body cannot be told from the headlines' });
  });

  it.each([
    '# Not a heading',
    '1. Not a list',
    '- not a list',
    '> not a quote',
    'Stars *and* _underscores_ [brackets](x) <b>tags</b> &amp; `ticks` \\ backslash',
    '2026) also not a list',
  ])('escapes %j so CommonMark renders it verbatim', (line) => {
    expect(renderBody(escapeMarkdownText(line), 'en').text).toBe(line);
  });

  describe('with a wire photo (--image)', () => {
    const slug = 'niger-embraces-russian-military-trainers';
    const photoAt = async (dir: string, width: number, name = 'wire-photo.jpg') => {
      const path = join(dir, name);
      await writeFile(path, await photo(width, Math.round((width * 9) / 16)));
      return path;
    };

    it('puts it beside the story as the lead image, which the build accepts', async () => {
      const out = await mkdtemp(join(tmpdir(), 'edgewire-import-'));
      const wire = await photoAt(await mkdtemp(join(tmpdir(), 'edgewire-wire-')), 1600);
      const { stdout } = await run([seedFile, '--date', '2026-11-27', '--out', out, '--image', wire, '--alt', 'Soldiers at a parade in Niamey', '--credit', 'Photo: AP', '--caption', 'Niamey, November 2026.']);
      expect(stdout).toBe(`import: 7 paragraphs, source, title, alternative headline, lead image -> ${join(out, `${slug}.md`)}\nimport: the lead image -> ${join(out, `${slug}.jpg`)}\nRun \`npm run build\` to validate it.\n`);
      expect(await readFile(join(out, `${slug}.jpg`))).toEqual(await readFile(wire));
      const text = await readFile(join(out, `${slug}.md`), 'utf8');
      expect(text).toContain(`\nsource: Ap news\nimage:\n  src: ${slug}.jpg\n  alt: Soldiers at a parade in Niamey\n  caption: Niamey, November 2026.\n  credit: "Photo: AP"\n---\n`);
      const root = await contentRoot({ 'site.yml': 'name: X\n', [`articles/${slug}.md`]: text, [`articles/${slug}.jpg`]: await readFile(wire) });
      expect((await buildContent({ root })).ok).toBe(true);
    });

    it.each([
      ['a narrow photo', (wire: string) => ['--image', wire, '--alt', 'A', '--credit', 'AP'], 800, (wire: string) => `import: --image: ${wire} is 800 px wide; a lead image must be at least 1200 px wide\n`],
      ['no alt, no credit', (wire: string) => ['--image', wire], 1600, () => 'import: --image needs --alt: what the picture shows, for readers who cannot see it\nimport: --image needs --credit: who made the picture\n'],
      ['an empty credit', (wire: string) => ['--image', wire, '--alt', 'A', '--credit', ' '], 1600, () => 'import: --credit: must not be empty\n'],
      ['alt and caption without a photo', () => ['--alt', 'A', '--caption', 'C'], 1600, () => 'import: --alt describes the --image, and there is none\nimport: --caption describes the --image, and there is none\n'],
      ['a missing photo', (wire: string) => ['--image', `${wire}.none`, '--alt', 'A', '--credit', 'AP'], 1600, (wire: string) => `import: --image: cannot read ${wire}.none\n`],
    ])('refuses %s, writing nothing', async (_, options, width, stderr) => {
      const out = await mkdtemp(join(tmpdir(), 'edgewire-import-'));
      const wire = await photoAt(await mkdtemp(join(tmpdir(), 'edgewire-wire-')), width);
      expect(await runFailing([seedFile, '--date', '2026-11-27', '--out', out, ...options(wire)])).toEqual({ code: 1, stdout: '', stderr: stderr(wire) });
      expect(await readdir(out)).toEqual([]);
    });

    it('refuses a story that is no picture, and overwrites neither a picture nor an article', async () => {
      const out = await mkdtemp(join(tmpdir(), 'edgewire-import-'));
      const args = [seedFile, '--date', '2026-11-27', '--out', out, '--alt', 'A', '--credit', 'AP', '--image'];
      expect(await runFailing([...args, seedFile])).toEqual({ code: 1, stdout: '', stderr: `import: --image: ${seedFile} is not a JPEG, PNG, WebP, AVIF or GIF image\n` });
      const wire = await photoAt(out, 1600, 'wire.jpg');
      // An article already there: the picture this import wrote is taken back.
      await writeFile(join(out, `${slug}.md`), 'an article');
      expect(await runFailing([...args, wire])).toEqual({ code: 1, stdout: '', stderr: `import: ${join(out, `${slug}.md`)} exists; not overwritten (choose another --slug)\n` });
      expect((await readdir(out)).sort()).toEqual([`${slug}.md`, 'wire.jpg']);
      // A picture already there: nothing is written.
      await writeFile(join(out, `${slug}.jpg`), 'a picture');
      await writeFile(join(out, `${slug}.md`), '');
      await rm(join(out, `${slug}.md`));
      expect(await runFailing([...args, wire])).toEqual({ code: 1, stdout: '', stderr: `import: ${join(out, `${slug}.jpg`)} exists; not overwritten (choose another --slug)\n` });
      expect((await readdir(out)).sort()).toEqual([`${slug}.jpg`, 'wire.jpg']);
    });
  });

  it('slugifies a headline at a word boundary within 40 characters', () => {
    expect(slugify('Niger Embraces Russian Military Trainers Amid Rising Security Concerns')).toBe('niger-embraces-russian-military-trainers');
    expect(slugify('Café Déjà Vu')).toBe('cafe-deja-vu');
  });
});
