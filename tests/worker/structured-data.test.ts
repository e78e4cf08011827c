import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { jsonLdOf, ORIGIN, request } from './helpers';

const URL = `${ORIGIN}/articles/${seed.slug}`;

describe('structured data and social cards', () => {
  it('describes the seed article as a NewsArticle in JSON-LD, its source as author, URLs on the configured origin', async () => {
    const page = await (await request(`/articles/${seed.slug}`)).text();
    expect(jsonLdOf(page)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: seed.title,
      alternativeHeadline: seed.alternativeHeadline,
      description: seed.paragraphs[0],
      datePublished: '2026-11-27T00:00:00Z',
      dateModified: '2026-11-27T00:00:00Z',
      // Wire copy with only a source: the source is its author (Google asks every article for one).
      author: [{ '@type': 'Organization', name: seed.source }],
      publisher: { '@type': 'Organization', name: 'edgewire', url: `${ORIGIN}/` },
      sourceOrganization: { '@type': 'Organization', name: seed.source },
      inLanguage: 'en',
      wordCount: 306,
      keywords: seed.tags,
      mainEntityOfPage: { '@type': 'WebPage', '@id': URL },
      url: URL,
      isAccessibleForFree: true,
    });
  });

  it('carries OpenGraph and Twitter card meta for the seed article', async () => {
    const page = await (await request(`/articles/${seed.slug}`)).text();
    const description = seed.paragraphs[0];
    expect(page).toContain(`<meta property="og:type" content="article">
<meta property="og:title" content="${seed.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${URL}">
<meta property="og:site_name" content="edgewire">
<meta property="og:locale" content="en_US">
<meta property="article:published_time" content="2026-11-27T00:00:00Z">
<meta property="article:modified_time" content="2026-11-27T00:00:00Z">
<meta property="article:tag" content="niger">
<meta property="article:tag" content="russia">
<meta property="article:tag" content="sahel">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${seed.title}">
<meta name="twitter:description" content="${description}">
<script type="application/ld+json">`);
  });

  it('describes the site as a WebSite on the front page', async () => {
    const page = await (await request('/')).text();
    expect(jsonLdOf(page)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: 'edgewire',
      url: `${ORIGIN}/`,
      inLanguage: 'en',
      description: 'Latest articles from edgewire.',
    });
  });
});
