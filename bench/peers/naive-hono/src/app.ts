/**
 * The naive peer (issue 11, item 3a): the Worker a developer would otherwise write. The article
 * Markdown is bundled as text; every request splits off the front matter, parses it as YAML and
 * renders the body with markdown-it. Nothing parsed or rendered is kept between requests: that
 * per-request work is what the bench compares edgewire's pre-rendered bytes with.
 */
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';

/** The same CommonMark settings as edgewire's build, so both render the same HTML. */
const markdown = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });

/** Browsers revalidate after a minute, shared caches keep a day (edgewire's article policy). */
const CACHE_CONTROL = 'public, max-age=60, s-maxage=86400';
const WORDS_PER_MINUTE = 230;

interface Credit {
  name: string;
  url?: string;
}

interface Article {
  slug: string;
  title: string;
  alternativeHeadline: string | null;
  description: string;
  datePublished: string;
  authors: Credit[];
  source: Credit | null;
  tags: string[];
  lang: string;
  wordCount: number;
  readingTimeMinutes: number;
  html: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

const credit = (value: unknown): Credit => (typeof value === 'string' ? { name: value } : (value as Credit));

/** YAML leaves a bare date a string; a date-time may come back as one too. */
const instant = (value: unknown): string => new Date(String(value).length === 10 ? `${String(value)}T00:00:00Z` : String(value)).toISOString();

/** Parses and renders one Markdown source: the work the naive design does on every request. */
function parseArticle(slug: string, source: string): Article {
  const match = FRONT_MATTER.exec(source);
  const data = (match ? parseYaml(match[1]!) : {}) as Record<string, unknown>;
  const body = match ? source.slice(match[0].length) : source;
  const bodyHtml = markdown.render(body);
  const firstParagraph = body.trim().split(/\n\s*\n/)[0] ?? '';
  const wordCount = body.split(/\s+/).filter(Boolean).length;
  return {
    slug,
    title: String(data.title),
    alternativeHeadline: typeof data.alternativeHeadline === 'string' ? data.alternativeHeadline : null,
    description: typeof data.description === 'string' ? data.description : firstParagraph.replace(/\s+/g, ' '),
    datePublished: instant(data.datePublished),
    authors: Array.isArray(data.authors) ? data.authors.map(credit) : [],
    source: data.source === undefined ? null : credit(data.source),
    tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
    lang: typeof data.lang === 'string' ? data.lang : 'en',
    wordCount,
    readingTimeMinutes: Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE)),
    html: bodyHtml,
  };
}

function page(article: Article) {
  const authors = article.authors.map((author) => author.name).join(', ');
  return html`<!doctype html>
<html lang="${article.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${article.title}</title>
<meta name="description" content="${article.description}">
</head>
<body>
<main>
<article>
<h1>${article.title}</h1>
<p><time datetime="${article.datePublished}">${article.datePublished.slice(0, 10)}</time>${authors === '' ? '' : html` · ${authors}`}${article.source === null ? '' : html` · ${article.source.name}`}</p>
${raw(article.html)}
</article>
</main>
</body>
</html>
`;
}

/** The Hono app over `sources`: Markdown text (front matter and body) by slug. */
export function createApp(sources: Readonly<Record<string, string>>): Hono {
  const app = new Hono();
  const find = (slug: string): Article | null => (Object.hasOwn(sources, slug) ? parseArticle(slug, sources[slug]!) : null);

  app.get('/api/articles/:slug', (c) => {
    const article = find(c.req.param('slug'));
    if (article === null) return c.json({ error: 'not found' }, 404);
    c.header('Cache-Control', CACHE_CONTROL);
    return c.json({ data: article });
  });

  app.get('/articles/:slug', (c) => {
    const article = find(c.req.param('slug'));
    if (article === null) return c.text('Not found', 404);
    c.header('Cache-Control', CACHE_CONTROL);
    return c.html(page(article));
  });

  return app;
}
