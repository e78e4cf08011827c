import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEAD_CHARACTERS, leadOf } from '../../scripts/build/search/terms';
import { buildArticle, listArticle, listedArticle } from '../../scripts/build/article';
import { EMPTY_CATALOG } from '../../scripts/build/catalog';
import { buildContent } from '../../scripts/build/index';
import { memorySink, type BodySink, type KeptFile } from '../../scripts/build/sink';
import { deployable } from '../../scripts/build/writer';
import { article, contentRoot, fixture } from './helpers';

/**
 * A production build holds each article's metadata, never its body: it reads the file again to
 * render it (a million articles' bodies do not fit in memory), and writes the index's files through
 * the sink one at a time, as it writes the packs.
 */

const BODY = 'The lead paragraph, which is also the description.\n\nA second paragraph, only in the body: the harbour opened at dawn.';
const source = article('title: Harbour\ndatePublished: 2026-01-02T03:04:05Z\ntags: [port]', BODY);

async function listed() {
  const root = await contentRoot({ 'articles/harbour.md': source });
  const entry = { file: 'content/articles/harbour.md', root };
  const built = buildArticle({ file: entry.file, name: 'harbour', text: source }, EMPTY_CATALOG);
  const result = listArticle(entry, EMPTY_CATALOG);
  if (!built.ok || !result.ok) throw new Error('fixture did not build');
  return { entry, built: built.value, listed: result.value, article: listedArticle(result.value, entry, EMPTY_CATALOG) };
}

describe('an article between reading and rendering', () => {
  it('keeps its metadata and front matter flags, not its body, HTML, text or body pictures (but the opening the search shows)', async () => {
    const { article: kept, built, listed: data } = await listed();
    const { lead, ...listing } = data;
    expect(JSON.stringify(listing)).not.toContain('harbour opened');
    expect(lead).toBe(leadOf(built.article.text));
    expect(lead.length).toBeLessThanOrEqual(LEAD_CHARACTERS);
    expect(Object.keys(kept.article)).toEqual(Object.keys(built.article).filter((key) => key !== 'html' && key !== 'text' && key !== 'images'));
    expect(kept.frontMatter).toEqual({ draft: false, featured: false, aliases: [] });
  });

  it('is built again from its file, whole and as it was first built', async () => {
    const { article: kept, built } = await listed();
    expect(kept.load()).toEqual({ article: built.article, body: built.valid.body, pictures: [] });
  });

  it('stops the build when its file changed since it was listed', async () => {
    const { article: kept, entry } = await listed();
    await writeFile(join(entry.root, entry.file), source.replace('dawn', 'dusk'));
    expect(() => kept.load()).toThrow('content/articles/harbour.md changed while the site was being built; build again');
  });
});

describe('the index files', () => {
  it('go through the sink as they are made, the same files as kept in memory', async () => {
    const result = await buildContent({ root: fixture('good') });
    if (!result.ok) throw new Error('fixture did not build');
    const written: string[] = [];
    const sink: BodySink<KeptFile> = { write: (file) => (written.push(file.path), memorySink.write(file)), copy: memorySink.copy };
    const streamed = deployable(result, sink);
    expect(streamed).toEqual(deployable(result));
    const [directory, ...shards] = streamed.files.slice(result.files.length);
    // Each shard as it is made, then the directory that names them.
    expect(written).toEqual([...shards.map(({ path }) => path), directory!.path]);
    expect(shards.length).toBeGreaterThan(0);
    expect(JSON.parse((directory as KeptFile).text)).toEqual(shards.map(({ path }) => path));
  });
});
