import { rename, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../scripts/build/index';
import { buildStreamed } from '../../scripts/build/writer';
import { addToFolder, generateCorpus, PICTURE } from '../../scripts/bench/corpus';
import sharp from 'sharp';
import { articleText, buildAt, problemLines } from './documents';
import { article, contentRoot } from './helpers';
import { disguisedJpeg, photo, pngHeader } from './pictures';

const story = (slug: string, image: string, body = 'Body.') => ({ [`articles/${slug}.md`]: article(`title: ${slug}\ndatePublished: 2026-12-01${image === '' ? '' : `\nimage:\n${image}`}`, body) });
const lead = (src: string, more = '  alt: A flooded street\n  credit: "Photo: Ana Ruiz/The Ledger"') => `  src: ${src}\n${more}`;

describe('an article with pictures', () => {
  it('builds with a lead image beside it and two inline images (one up a folder, one from the content folder), and a decorative one', async () => {
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'articles/2026/flood.jpg': await photo(1600, 900),
      'images/map.png': await photo(640, 480, 'png'),
      'images/chart.webp': await photo(800, 600, 'webp'),
      'images/rule.png': await photo(600, 4, 'png'),
      ...{
        'articles/2026/river-rises.md': article(
          'title: The river rises\ndatePublished: 2026-12-01\nimage:\n  src: flood.jpg\n  alt: Water up to the doors on Main Street\n  caption: Main Street at noon.\n  credit: "Photo: Ana Ruiz/The Ledger"\n  focus: 50% 30%',
          'The water rose overnight.\n\n![A map of the flooded blocks](../../images/map.png "The flooded blocks")\n\n![A chart of the river level](/images/chart.webp)\n\n![""](/images/rule.png)',
        ),
      },
    });
    const built = await buildAt(root);
    expect(built.index.slugs).toEqual(['river-rises']);
    // The decorative picture's alt is empty on purpose; the others keep theirs (the page's <picture> comes with delivery).
    expect(JSON.parse(articleText(built, 'river-rises', 'json')).data.html).toContain('<p><img src="/images/rule.png" alt="" /></p>');
  });

  it('refuses each picture that is not fit to publish, naming the file, the field and why', async () => {
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'articles/narrow.jpg': await photo(800, 600),
      'articles/wide.jpg': await photo(1200, 400),
      'articles/fake.jpg': 'not a picture',
      'articles/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"/>',
      'articles/bomb.png': pngHeader(10_000, 10_000),
      'articles/big.jpg': '',
      ...story('a-missing', lead('none.jpg')),
      ...story('b-outside', lead('../../outside.jpg')),
      ...story('c-narrow', lead('narrow.jpg')),
      ...story('d-fake', lead('fake.jpg')),
      ...story('e-svg', lead('logo.svg')),
      ...story('f-bomb', lead('bomb.png')),
      ...story('g-big', lead('big.jpg')),
      ...story('h-no-alt', lead('wide.jpg', '  credit: AP')),
      ...story('i-empty-alt', lead('wide.jpg', '  alt: "  "\n  credit: AP')),
      ...story('j-long-alt', lead('wide.jpg', `  alt: ${'a'.repeat(251)}\n  credit: AP`)),
      ...story('k-no-credit', lead('wide.jpg', '  alt: A street')),
      ...story('l-focus', lead('wide.jpg', '  alt: A street\n  credit: AP\n  focus: top')),
      ...story('m-unknown', lead('wide.jpg', '  alt: A street\n  credit: AP\n  width: 1200')),
      ...story('n-body', '', '![](wide.jpg)\n\n![A map](https://cdn.example/map.png)\n\n![A chart](none.png)\n\n![A logo](logo.svg)\n\n![ok](wide.jpg) and ![""](narrow.jpg)'),
      ...story('o-long-body-alt', '', `![${'b'.repeat(260)}](wide.jpg)`),
    });
    await writeFile(join(root, 'outside.jpg'), await photo(1600, 900));
    await truncate(join(root, 'content/articles/big.jpg'), 25 * 1024 * 1024 + 1);
    expect(await problemLines(root)).toEqual([
      'content/articles/a-missing.md: image.src: none.jpg: no such file in the content folder',
      'content/articles/b-outside.md: image.src: ../../outside.jpg is outside the content folder',
      'content/articles/c-narrow.md: image.src: narrow.jpg is 800 px wide; a lead image must be at least 1200 px wide (large previews in search and social feeds)',
      'content/articles/d-fake.md: image.src: fake.jpg is not a JPEG, PNG, WebP, AVIF or GIF image',
      'content/articles/e-svg.md: image.src: logo.svg is not a JPEG, PNG, WebP, AVIF or GIF image',
      'content/articles/f-bomb.md: image.src: bomb.png is 10000×10000 px (100 megapixels); an image may have at most 50 megapixels',
      'content/articles/g-big.md: image.src: big.jpg is 26214401 bytes; an image may have at most 26214400',
      'content/articles/h-no-alt.md: image.alt: is required: what the picture shows, for readers who cannot see it',
      'content/articles/i-empty-alt.md: image.alt: must not be empty',
      'content/articles/j-long-alt.md: image.alt: must be at most 250 characters',
      'content/articles/k-no-credit.md: image.credit: is required: who made the picture (Photo: Jane Doe/The Ledger)',
      'content/articles/l-focus.md: image.focus: must be "X% Y%", the point crops keep, each from 0% to 100% (such as "50% 30%")',
      'content/articles/m-unknown.md: image.width: unknown field',
      'content/articles/n-body.md: body: image "wide.jpg" has no alt text: say what it shows, or write ![""](wide.jpg) for a decorative picture',
      'content/articles/n-body.md: body: image "https://cdn.example/map.png" is not a file under content/: pictures are checked at build and served from this site, never linked from elsewhere',
      'content/articles/n-body.md: body: image "none.png": no such file in the content folder',
      'content/articles/n-body.md: body: image "logo.svg" is not a JPEG, PNG, WebP, AVIF or GIF image',
      'content/articles/o-long-body-alt.md: body: image "wide.jpg": its alt text is 260 characters; at most 250',
    ]);
  });

  it('refuses what an adversarial pass found: a disguised JPEG, a query or fragment, a lead URL, a name the file system cannot take; other problems kept', async () => {
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'articles/small.jpg': disguisedJpeg(await photo(300, 200), 1600, 900),
      'articles/wide.jpg': await photo(1600, 900),
      ...story('a-disguised', lead('small.jpg')),
      ...story('b-query', lead('wide.jpg?v=1'), '![A](wide.jpg#top)'),
      ...story('c-url', lead('"https://cdn.example/x.jpg"')),
      ...story('d-not-a-folder', '', `![A](a-disguised.md/p.jpg) and ![](wide.jpg) and ![B](${'n'.repeat(300)}.jpg) and ![C]()`),
    });
    expect(await problemLines(root)).toEqual([
      'content/articles/a-disguised.md: image.src: small.jpg is 300 px wide; a lead image must be at least 1200 px wide (large previews in search and social feeds)',
      'content/articles/b-query.md: image.src: wide.jpg?v=1: a picture\'s path has no query (?) or fragment (#)',
      'content/articles/b-query.md: body: image "wide.jpg#top": a picture\'s path has no query (?) or fragment (#)',
      'content/articles/c-url.md: image.src: https://cdn.example/x.jpg is not a file under content/: pictures are checked at build and served from this site, never linked from elsewhere',
      'content/articles/d-not-a-folder.md: body: image "wide.jpg" has no alt text: say what it shows, or write ![""](wide.jpg) for a decorative picture',
      'content/articles/d-not-a-folder.md: body: image "a-disguised.md/p.jpg": no such file in the content folder',
      `content/articles/d-not-a-folder.md: body: image "${'n'.repeat(300)}.jpg": no such file in the content folder`,
      'content/articles/d-not-a-folder.md: body: image "" names no file',
    ]);
  });

  it('judges alt text as the page gets it: entities decoded, markup dropped, invisible characters nothing', async () => {
    const noAlt = 'has no alt text: say what it shows, or write ![""](wide.jpg) for a decorative picture';
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'articles/wide.jpg': await photo(1600, 900),
      ...story('a-lead-blank', lead('wide.jpg', '  alt: "\u200b\u2800"\n  credit: "\u3164"')),
      ...story('b-body-blank', '', '![&nbsp;](wide.jpg) ![\u200b](wide.jpg) ![![](wide.jpg)](wide.jpg)'),
      ...story('c-entities', '', `![${'&amp;'.repeat(250)}](wide.jpg) and ![${'&amp;'.repeat(251)}](wide.jpg)`),
    });
    expect(await problemLines(root)).toEqual([
      'content/articles/a-lead-blank.md: image.alt: must not be empty',
      'content/articles/a-lead-blank.md: image.credit: must not be empty',
      `content/articles/b-body-blank.md: body: image "wide.jpg" ${noAlt}`,
      `content/articles/b-body-blank.md: body: image "wide.jpg" ${noAlt}`,
      `content/articles/b-body-blank.md: body: image "wide.jpg" ${noAlt}`,
      'content/articles/c-entities.md: body: image "wide.jpg": its alt text is 251 characters; at most 250',
    ]);
  });

  it('a build that remembers checks a picture again when it is moved out of content/ and linked back', async () => {
    const root = await contentRoot({ 'site.yml': 'name: X\n', 'images/p.jpg': await photo(1600, 900), ...story('p', lead('/images/p.jpg')) });
    const hourAgo = new Date(Date.now() - 3_600_000);
    await Promise.all(['content/articles/p.md', 'content/images/p.jpg'].map((name) => utimes(join(root, name), hourAgo, hourAgo)));
    const build = () => buildStreamed({ module: join(root, 'out/content.txt'), assets: join(root, 'out/assets') }, (sink) => buildContent({ root, sink, cache: '.edgewire/cache' }));
    expect((await build()).result.ok).toBe(true);
    expect((await build()).result).toMatchObject({ ok: true, rendered: 0 });
    await rename(join(root, 'content/images'), join(root, 'images'));
    await symlink(join(root, 'images'), join(root, 'content/images'));
    expect((await build()).result).toEqual({ ok: false, problems: [{ file: 'content/articles/p.md', field: 'image.src', message: '/images/p.jpg is outside the content folder (through a symbolic link)' }] });
  });

  it('refuses a picture that is a symbolic link, and one through a linked folder that leads out', async () => {
    const outside = await contentRoot({ 'photo.jpg': await photo(1600, 900) });
    const root = await contentRoot({ 'site.yml': 'name: X\n', 'images/.keep': '', ...story('linked', lead('../images/photo.jpg')), ...story('through', lead('/images/out/photo.jpg')) });
    await symlink(join(outside, 'content/photo.jpg'), join(root, 'content/images/photo.jpg'));
    await symlink(join(outside, 'content'), join(root, 'content/images/out'));
    expect(await problemLines(root)).toEqual([
      'content/articles/linked.md: image.src: ../images/photo.jpg is not a regular file (symbolic links are not followed)',
      'content/articles/through.md: image.src: /images/out/photo.jpg is outside the content folder (through a symbolic link)',
    ]);
  });

  it('a build that remembers checks a picture again when it changes, though its article did not', async () => {
    const root = await contentRoot({ 'site.yml': 'name: X\n', 'articles/flood.jpg': await photo(1600, 900), ...story('flood', lead('flood.jpg')) });
    const hourAgo = new Date(Date.now() - 3_600_000);
    // Settled files: a build takes an article's listing from its memory while the stamps are unchanged.
    const settle = (name: string) => utimes(join(root, 'content/articles', name), hourAgo, hourAgo);
    await Promise.all(['flood.md', 'flood.jpg'].map(settle));
    const build = () => buildStreamed({ module: join(root, 'out/content.txt'), assets: join(root, 'out/assets') }, (sink) => buildContent({ root, sink, cache: '.edgewire/cache' }));
    expect((await build()).result.ok).toBe(true);
    expect((await build()).result).toMatchObject({ ok: true, rendered: 0 });
    // The picture replaced by a narrower one; the article's file untouched.
    await writeFile(join(root, 'content/articles/flood.jpg'), await photo(1000, 600));
    await settle('flood.jpg');
    expect((await build()).result).toEqual({ ok: false, problems: [{ file: 'content/articles/flood.md', field: 'image.src', message: 'flood.jpg is 1000 px wide; a lead image must be at least 1200 px wide (large previews in search and social feeds)' }] });
  });

  it('the benchmark\'s corpus with pictures (npm run corpus -- --images) builds: each article leads with its own, the text otherwise the same', async () => {
    const root = await contentRoot({ 'site.yml': 'name: X\n' });
    const files = generateCorpus(3, 1, true);
    await addToFolder(join(root, 'content/articles'), files);
    const built = await buildContent({ root });
    expect(built.ok).toBe(true);
    expect(files.map(({ picture }) => picture?.file)).toEqual(files.map(({ file }) => file.replace(/\.md$/, '.jpg')));
    const plain = generateCorpus(3);
    files.forEach(({ text }, at) => expect(text.replace(/^image:\n(?: {2}.*\n)+/m, '')).toBe(plain[at]!.text));
    const [first] = files;
    expect(await sharp(join(root, 'content/articles', first!.picture!.file)).metadata()).toMatchObject({ format: 'jpeg', width: PICTURE.width, height: PICTURE.height });
  });

  it('a picture beside the articles that is a symbolic link is reported as a picture', async () => {
    const root = await contentRoot({ 'site.yml': 'name: X\n', ...story('a', '') });
    await symlink(join(root, 'content/site.yml'), join(root, 'content/articles/photo.jpg'));
    expect(await problemLines(root)).toEqual(['content/articles/photo.jpg: file: is a symbolic link; symbolic links are not followed (put the picture file itself in the articles folder)']);
  });

  it('pictures beside the articles are not articles, and a folder of only pictures has none', async () => {
    const root = await contentRoot({ 'site.yml': 'name: X\n', 'articles/photo.jpg': await photo(10, 10), 'articles/notes.txt': 'x' });
    const result = await buildContent({ root });
    expect(result.ok ? [] : result.problems.map(({ file, field, message }) => `${file}: ${field}: ${message}`)).toEqual([
      'content/articles: folder: no articles (build with --allow-empty for an empty site)',
      'content/articles/notes.txt: file: not an article: articles are Markdown files ending in .md',
    ]);
  });
});
