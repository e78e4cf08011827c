import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../scripts/build/render';
import { escapeMarkdownText } from '../../scripts/import/markdown';
import { slugify } from '../../scripts/import/article';
import { parseWire } from '../../scripts/import/wire';

const root = join(import.meta.dirname, '../..');
const seedFile = join(root, 'tests/fixtures/seed-wire.txt');
const run = promisify(execFile);

describe('wire importer', () => {
  it('imports the seed into exactly the committed article and reports the unexplained line', async () => {
    const out = await mkdtemp(join(tmpdir(), 'edgewire-import-'));
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/import.ts', seedFile, '--date', '2026-11-27', '--out', out], { cwd: root });
    const slug = 'niger-embraces-russian-military-trainers';
    expect(stdout).toBe(`import: 7 paragraphs, source, title, alternative headline -> ${join(out, `${slug}.md`)}\nRun \`npm run build\` to validate it.\n`);
    expect(stderr).toBe(`import: line 11 not understood: "100"; kept as a comment in ${join(out, `${slug}.md`)}, not published\n`);
    const imported = await readFile(join(out, `${slug}.md`), 'utf8');
    const committed = await readFile(join(root, `content/articles/${slug}.md`), 'utf8');
    expect(imported.replace('seed-wire.txt', '000_c105de564164724f.txt')).toBe(committed);
  });

  it('refuses to overwrite an article', async () => {
    const out = await mkdtemp(join(tmpdir(), 'edgewire-import-'));
    await run('npx', ['tsx', 'scripts/import.ts', seedFile, '--date', '2026-11-27', '--out', out], { cwd: root });
    const again = await run('npx', ['tsx', 'scripts/import.ts', seedFile, '--date', '2026-11-27', '--out', out], { cwd: root }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in again && again.code).toBe(1);
    expect(again.stderr).toBe(`import: ${join(out, 'niger-embraces-russian-military-trainers.md')} exists; not overwritten (choose another --slug)\n`);
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

  it('slugifies a headline at a word boundary within 40 characters', () => {
    expect(slugify('Niger Embraces Russian Military Trainers Amid Rising Security Concerns')).toBe('niger-embraces-russian-military-trainers');
    expect(slugify('Café Déjà Vu')).toBe('cafe-deja-vu');
  });
});
