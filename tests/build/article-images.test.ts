import { rename, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPictures } from '../../scripts/build/article-images';
import { buildContent } from '../../scripts/build/index';
import { buildStreamed } from '../../scripts/build/writer';
import { addToFolder, generateCorpus, PICTURE } from '../../scripts/bench/corpus';
import sharp from 'sharp';
import { articleText, buildAt, problemLines, SITE } from './documents';
import { article, contentRoot } from './helpers';
import { disguisedJpeg, photo, pngHeader } from './pictures';
import { createHash } from 'node:crypto';

/** A picture's key as the build names it: the first 64 bits of its bytes' SHA-256, then its size and focus. */
const keyOf = (bytes: Buffer, rest: string) => `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}-${rest}`;

const story = (slug: string, image: string, body = 'Body.') => ({ [`articles/${slug}.md`]: article(`title: ${slug}\ndatePublished: 2026-12-01${image === '' ? '' : `\nimage:\n${image}`}`, body) });
const lead = (src: string, more = '  alt: A flooded street\n  credit: "Photo: Ana Ruiz/The Ledger"') => `  src: ${src}\n${more}`;

describe('an article with pictures', () => {
  it('builds with a lead image beside it and two inline images (one up a folder, one from the content folder), and a decorative one', async () => {
    const files = { flood: await photo(1600, 900), map: await photo(640, 480, 'png'), chart: await photo(800, 600, 'webp'), rule: await photo(600, 4, 'png') };
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'articles/2026/flood.jpg': files.flood,
      'images/map.png': files.map,
      'images/chart.webp': files.chart,
      'images/rule.png': files.rule,
      ...{
        'articles/2026/river-rises.md': article(
          'title: The river rises\ndatePublished: 2026-12-01\nimage:\n  src: flood.jpg\n  alt: Water up to the doors on Main Street\n  caption: Main Street at noon.\n  credit: "Photo: Ana Ruiz/The Ledger"\n  focus: 50% 30%',
          'The water rose overnight.\n\n![A map of the flooded blocks](../../images/map.png "The flooded blocks")\n\n![A chart of the river level](/images/chart.webp)\n![""](/images/rule.png)',
        ),
      },
    });
    const result = await buildContent({ root });
    if (!result.ok) throw new Error(result.problems.map(({ message }) => message).join('\n'));
    const keys = { flood: keyOf(files.flood, '1600x900-50-30'), map: keyOf(files.map, '640x480-50-50'), chart: keyOf(files.chart, '800x600-50-50'), rule: keyOf(files.rule, '600x4-50-50') };
    const sizes = '(min-width: 64rem) 42rem, (min-width: 46.5rem) 44rem, calc(100vw - 2.5rem)';
    const srcset = (key: string, widths: number[], format: string, origin = '') => widths.map((width) => `${origin}/images/${key}/${width}.${format} ${width}w`).join(', ');
    const figure = (key: string, widths: number[], size: string, alt: string, caption = '') =>
      `<figure><picture><source type="image/avif" srcset="${srcset(key, widths, 'avif')}" sizes="${sizes}"><img src="/images/${key}/${widths.at(-1)}.jpeg" srcset="${srcset(key, widths, 'jpeg')}" sizes="${sizes}" ${size} alt="${alt}" loading="lazy" decoding="async"></picture>${caption}</figure>\n`;
    const json = JSON.parse(articleText(result, 'river-rises', 'json')).data;
    // Each picture a figure (a paragraph of two pictures is two), every width it is served at up to its own; the decorative one's alt empty on purpose.
    expect(json.html).toBe(
      '<p>The water rose overnight.</p>\n' +
        figure(keys.map, [480, 640], 'width="640" height="480"', 'A map of the flooded blocks', '<figcaption>The flooded blocks</figcaption>') +
        figure(keys.chart, [480, 800], 'width="800" height="600"', 'A chart of the river level') +
        figure(keys.rule, [480, 600], 'width="600" height="4"', ''),
    );
    expect(json.text).toBe('The water rose overnight.');
    // The body's pictures in the JSON too, in order, their URLs absolute.
    const bodyPicture = (key: string, widths: number[], width: number, height: number, alt: string, caption: string | null) => ({
      url: `${SITE}/images/${key}/${widths.at(-1)}.jpeg`,
      width,
      height,
      alt,
      caption,
      credit: null,
      srcset: { 'image/avif': srcset(key, widths, 'avif', SITE), 'image/jpeg': srcset(key, widths, 'jpeg', SITE) },
    });
    expect(json.images).toEqual([
      bodyPicture(keys.map, [480, 640], 640, 480, 'A map of the flooded blocks', 'The flooded blocks'),
      bodyPicture(keys.chart, [480, 800], 800, 600, 'A chart of the river level', null),
      bodyPicture(keys.rule, [480, 600], 600, 4, '', null),
    ]);
    const crop = (name: string, height: number) => ({ url: `${SITE}/images/${keys.flood}/${name}/1200.jpeg`, width: 1200, height });
    expect(json.image).toEqual({
      url: `${SITE}/images/${keys.flood}/1200.jpeg`,
      width: 1200,
      height: 675,
      alt: 'Water up to the doors on Main Street',
      caption: 'Main Street at noon.',
      credit: 'Photo: Ana Ruiz/The Ledger',
      srcset: { 'image/avif': srcset(keys.flood, [480, 800, 1200, 1600], 'avif', SITE), 'image/jpeg': srcset(keys.flood, [480, 800, 1200, 1600], 'jpeg', SITE) },
      crops: { '16x9': crop('16x9', 675), '4x3': crop('4x3', 900), '1x1': crop('1x1', 1200) },
    });
    // The originals, each once, copied as they are; named by their keys.
    expect(result.deployed.files.filter(({ path }) => path.startsWith('/p/')).map(({ path, bytes }) => [path, bytes])).toEqual(
      Object.entries(keys)
        .map(([name, key]) => [`/p/${key}`, files[name as keyof typeof files].length])
        .sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
  });

  it('puts each picture in a paragraph of its own: one beside text, in a heading or in a link is a problem', async () => {
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'articles/wide.jpg': await photo(1200, 400),
      ...story('a-text', '', 'The river: ![A river](wide.jpg)'),
      ...story('b-heading', '', '## ![A river](wide.jpg)'),
      ...story('c-link', '', '[![A river](wide.jpg)](https://example.com/)'),
      ...story('d-fine', '', '![A river](wide.jpg)\n![Again](wide.jpg)'),
    });
    const beside = (file: string) => `content/articles/${file}.md: body: image "wide.jpg" shares its paragraph with text (or sits in a heading, link or table): put each picture in a paragraph of its own`;
    expect(await problemLines(root)).toEqual([beside('a-text'), beside('b-heading'), beside('c-link')]);
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
      ...story('n-body', '', '![](wide.jpg)\n\n![A map](https://cdn.example/map.png)\n\n![A chart](none.png)\n\n![A logo](logo.svg)\n\n![ok](wide.jpg)\n\n![""](narrow.jpg)'),
      ...story('o-long-body-alt', '', `![${'b'.repeat(260)}](wide.jpg)`),
      ...story('p-long-caption', lead('wide.jpg', `  alt: A street\n  credit: AP\n  caption: ${'c'.repeat(1001)}`)),
      ...story('q-long-credit', lead('wide.jpg', `  alt: A street\n  credit: ${'d'.repeat(201)}`)),
      ...story('r-long-body-caption', '', `![A street](wide.jpg "${'e'.repeat(1001)}")`),
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
      'content/articles/p-long-caption.md: image.caption: must be at most 1000 characters',
      'content/articles/q-long-credit.md: image.credit: must be at most 200 characters',
      'content/articles/r-long-body-caption.md: body: image "wide.jpg": its caption (the title) is 1001 characters; at most 1000',
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
      ...story('d-not-a-folder', '', `![A](a-disguised.md/p.jpg)\n\n![](wide.jpg)\n\n![B](${'n'.repeat(300)}.jpg)\n\n![C]()`),
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
      ...story('c-entities', '', `![${'&amp;'.repeat(250)}](wide.jpg)\n\n![${'&amp;'.repeat(251)}](wide.jpg)`),
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
  it('turns a picture removed between its two checks into a problem of its article, never a crash', async () => {
    const root = await contentRoot({ 'site.yml': 'name: X\n' });
    const picture = { place: 'images/gone.jpg', stamp: null, field: 'image.src' as const, written: '/images/gone.jpg', lead: true, focus: [50, 50] as const };
    expect(await verifyPictures('content/articles/a.md', [picture], join(root, 'content'), new Map())).toEqual({
      ok: false,
      problems: [{ file: 'content/articles/a.md', field: 'image.src', message: '/images/gone.jpg could not be read (ENOENT): build again' }],
    });
  });
});
