import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { expectProblem, jsonLdOf, ORIGIN, request } from '../worker/helpers';

/**
 * The pictures fixture (tests/fixtures/pictures): an article with a lead image (1600×900, focus
 * 50% 30%) and two pictures in its body (a 640×480 PNG with a caption, a 600×8 decorative JPEG),
 * served as the pages link them and made by the Images binding on request.
 */

const SLUG = 'river-rises';

/** The article as the API serves it: where the pictures' keys come from (the build names them by their bytes). */
async function article() {
  const response = await request(`/api/articles/${SLUG}`);
  expect(response.status).toBe(200);
  return (await response.json<{ data: { html: string; image: { url: string }; images: unknown[] } }>()).data;
}

/** The key of the picture a URL names. */
const keyIn = (url: string) => /\/images\/([^/]+)\//.exec(url)![1]!;

const SIZES = '(min-width: 64rem) 42rem, (min-width: 46.5rem) 44rem, calc(100vw - 2.5rem)';
const srcset = (key: string, widths: number[], format: string, origin = '') => widths.map((width) => `${origin}/images/${key}/${width}.${format} ${width}w`).join(', ');

describe('an article with pictures', async () => {
  const data = await article();
  const lead = keyIn(data.image.url);
  const [map, rule] = [...data.html.matchAll(/<img src="\/images\/([^/]+)\//g)].map(([, key]) => key!) as [string, string];

  it('keys each picture by its bytes, its size and its focus', () => {
    expect([lead, map, rule].map((key) => key.replace(/^[0-9a-f]{16}-/, ''))).toEqual(['1600x900-50-30', '640x480-50-50', '600x8-50-50']);
  });

  it('serves the page with the lead image first (fetched early), the body pictures lazily, each in a figure with its caption and credit', async () => {
    const page = await (await request(`/articles/${SLUG}`)).text();
    expect(page).toContain(
      `</header>\n<figure class="lead-image"><picture><source type="image/avif" srcset="${srcset(lead, [480, 800, 1200, 1600], 'avif')}" sizes="${SIZES}"><img src="/images/${lead}/1200.jpeg" srcset="${srcset(lead, [480, 800, 1200, 1600], 'jpeg')}" sizes="${SIZES}" width="1200" height="675" alt="Water up to the doors of the shops on Main Street" fetchpriority="high"></picture><figcaption>Main Street at noon on Tuesday. <span class="credit">Photo: Ana Ruiz/The Riverside Ledger</span></figcaption></figure>\n`,
    );
    expect(page).toContain(
      `<p>The river rose two metres overnight and reached the shops on Main Street by noon.</p>\n<figure><picture><source type="image/avif" srcset="${srcset(map, [480, 640], 'avif')}" sizes="${SIZES}"><img src="/images/${map}/640.jpeg" srcset="${srcset(map, [480, 640], 'jpeg')}" sizes="${SIZES}" width="640" height="480" alt="A map of the flooded blocks between the bridge and the station" loading="lazy" decoding="async"></picture><figcaption>The flooded blocks</figcaption></figure>\n<p>The county opened the school gym to families who had to leave their homes.</p>\n<figure><picture><source type="image/avif" srcset="${srcset(rule, [480, 600], 'avif')}" sizes="${SIZES}"><img src="/images/${rule}/600.jpeg" srcset="${srcset(rule, [480, 600], 'jpeg')}" sizes="${SIZES}" width="600" height="8" alt="" loading="lazy" decoding="async"></picture></figure>\n`,
    );
  });

  it('gives search engines and social networks the lead image: robots, OpenGraph, Twitter and JSON-LD crops', async () => {
    const page = await (await request(`/articles/${SLUG}`)).text();
    const crop = (name: string) => `${ORIGIN}/images/${lead}/${name}/1200.jpeg`;
    // The lead image is fetched with the stylesheet, before the body is parsed (Speed Index on a phone).
    expect(page).toContain(`<link rel="preload" as="image" type="image/avif" imagesrcset="${srcset(lead, [480, 800, 1200, 1600], 'avif')}" imagesizes="${SIZES}" fetchpriority="high">\n<meta name="robots" content="max-image-preview:large">\n`);
    expect(page).toContain(
      `<meta property="og:image" content="${crop('16x9')}">\n<meta property="og:image:type" content="image/jpeg">\n<meta property="og:image:width" content="1200">\n<meta property="og:image:height" content="675">\n<meta property="og:image:alt" content="Water up to the doors of the shops on Main Street">\n<meta name="twitter:card" content="summary_large_image">\n`,
    );
    expect(page).toContain(`<meta name="twitter:image" content="${crop('16x9')}">\n<meta name="twitter:image:alt" content="Water up to the doors of the shops on Main Street">\n`);
    const credit = { caption: 'Main Street at noon on Tuesday.', creditText: 'Photo: Ana Ruiz/The Riverside Ledger' };
    expect((jsonLdOf(page) as { image: unknown }).image).toEqual([
      { '@type': 'ImageObject', url: crop('16x9'), width: 1200, height: 675, ...credit },
      { '@type': 'ImageObject', url: crop('4x3'), width: 1200, height: 900, ...credit },
      { '@type': 'ImageObject', url: crop('1x1'), width: 1200, height: 1200, ...credit },
    ]);
  });

  it('gives the JSON its lead image: every URL, the size, the text and the crops', () => {
    const crop = (name: string, height: number) => ({ url: `${ORIGIN}/images/${lead}/${name}/1200.jpeg`, width: 1200, height });
    expect(data.image).toEqual({
      url: `${ORIGIN}/images/${lead}/1200.jpeg`,
      width: 1200,
      height: 675,
      alt: 'Water up to the doors of the shops on Main Street',
      caption: 'Main Street at noon on Tuesday.',
      credit: 'Photo: Ana Ruiz/The Riverside Ledger',
      srcset: { 'image/avif': srcset(lead, [480, 800, 1200, 1600], 'avif', ORIGIN), 'image/jpeg': srcset(lead, [480, 800, 1200, 1600], 'jpeg', ORIGIN) },
      crops: { '16x9': crop('16x9', 675), '4x3': crop('4x3', 900), '1x1': crop('1x1', 1200) },
    });
  });

  it('gives the JSON the body\'s pictures, in order, with their URLs here', () => {
    expect(data.images).toEqual([
      {
        url: `${ORIGIN}/images/${map}/640.jpeg`,
        width: 640,
        height: 480,
        alt: 'A map of the flooded blocks between the bridge and the station',
        caption: 'The flooded blocks',
        credit: null,
        srcset: { 'image/avif': srcset(map, [480, 640], 'avif', ORIGIN), 'image/jpeg': srcset(map, [480, 640], 'jpeg', ORIGIN) },
      },
      {
        url: `${ORIGIN}/images/${rule}/600.jpeg`,
        width: 600,
        height: 8,
        alt: '',
        caption: null,
        credit: null,
        srcset: { 'image/avif': srcset(rule, [480, 600], 'avif', ORIGIN), 'image/jpeg': srcset(rule, [480, 600], 'jpeg', ORIGIN) },
      },
    ]);
  });

  it('gives a list entry the lead image\'s JPEG and alt text (the article has the rest)', async () => {
    const list = await (await request('/api/articles')).json<{ data: { image: unknown }[] }>();
    expect(list.data.map(({ image }) => image)).toEqual([{ url: `${ORIGIN}/images/${lead}/1200.jpeg`, width: 1200, height: 675, alt: 'Water up to the doors of the shops on Main Street' }]);
  });

  describe('each picture URL the article links', () => {
    /** Each URL with the size and type it must be, and its ETag. */
    const urls = () => [
      ...[480, 800, 1200, 1600].flatMap((width) => ['avif', 'jpeg'].map((format) => [`/images/${lead}/${width}.${format}`, width, Math.round((width * 9) / 16), format, `W/"${lead}.full.${width}.${format}"`] as const)),
      ...(['16x9', '4x3', '1x1'] as const).map((crop) => [`/images/${lead}/${crop}/1200.jpeg`, 1200, crop === '16x9' ? 675 : crop === '4x3' ? 900 : 1200, 'jpeg', `W/"${lead}.${crop}.1200.jpeg"`] as const),
      ...[480, 640].map((width) => [`/images/${map}/${width}.jpeg`, width, (width * 3) / 4, 'jpeg', `W/"${map}.full.${width}.jpeg"`] as const),
    ];

    // Thirteen pictures encoded by sharp (AVIF is slow to encode): the timeout catches a hang, it is no budget.
    it('answers 200 with the picture at its size and type, cached for a year as immutable, with a weak ETag', { timeout: 180_000 }, async () => {
      for (const [path, width, height, format, etag] of urls()) {
        const response = await request(path);
        expect(response.status, path).toBe(200);
        expect(Object.fromEntries(['Content-Type', 'Cache-Control', 'Cache-Tag', 'ETag'].map((name) => [name, response.headers.get(name)])), path).toEqual({
          'Content-Type': `image/${format}`,
          'Cache-Control': 'public, max-age=31536000, immutable',
          'Cache-Tag': 'images',
          ETag: etag,
        });
        const info = await env.IMAGES.info(response.body!);
        expect(info, path).toMatchObject({ format: `image/${format}`, width, height });
      }
    });

    it('answers 304 to its ETag without making the picture again', { timeout: 60_000 }, async () => {
      const path = `/images/${lead}/800.avif`;
      const etag = (await request(path)).headers.get('ETag')!;
      const again = await request(path, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
      expect(again.headers.get('ETag')).toBe(etag);
      expect(again.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(await again.text()).toBe('');
    });
  });

  it('answers 400 for a width, crop or format the pages do not use: nobody can make it render other sizes', async () => {
    const cases = [
      [`/images/${lead}/1000.jpeg`, 'This picture is served 480, 800, 1200, 1600 pixels wide.'],
      [`/images/${map}/800.jpeg`, 'This picture is served 480, 640 pixels wide.'],
      [`/images/${lead}/16x9/800.jpeg`, 'This picture is served 1200 pixels wide when cropped.'],
      [`/images/${lead}/3x2/1200.jpeg`, 'Pictures are cropped to 16x9, 4x3, 1x1 only.'],
      [`/images/${lead}/800.png`, 'Pictures are served as .avif or .jpeg only.'],
      [`/images/${lead}/800.webp`, 'Pictures are served as .avif or .jpeg only.'],
      [`/images/${lead}/0800.jpeg`, 'Pictures are served as .avif or .jpeg only.'],
      [`/images/${lead}/16x9/1200.avif`, 'Crops are served as .jpeg only.'],
    ] as const;
    for (const [path, detail] of cases) {
      const parameter = path.includes('3x2') ? 'crop' : 'file';
      await expectProblem(await request(path), { title: 'Bad Request', status: 400, detail, instance: path, errors: [{ parameter, detail }] });
    }
  });

  it('answers 404 for a picture the site does not have', async () => {
    const unknown = `${'0'.repeat(16)}-1600x900-50-30`;
    const other = lead.replace(/-50-30$/, '-50-50');
    for (const path of [`/images/${unknown}/800.jpeg`, `/images/${other}/800.jpeg`, '/images/logo/800.jpeg', `/images/${lead.toUpperCase()}/800.jpeg`]) {
      await expectProblem(await request(path), { title: 'Not Found', status: 404, detail: 'There is no picture at this address.', instance: path });
    }
  });
});
