import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

// The seed fixture has no content/authors/: the author list is empty, and no id names an author.
describe('authors over the ARTICLES service binding', () => {
  it('authors() is `data` of GET /api/authors', async () => {
    const response = await env.EDGEWIRE.fetch('http://localhost:8787/api/authors');
    expect(await response.json()).toEqual({ data: [] });
    expect(await env.ARTICLES.authors()).toEqual([]);
  });

  it('author(id) is null for an id that names no author, and a TypeError for an id that is no string', async () => {
    expect(await env.ARTICLES.author('jane-doe')).toBeNull();
    const error = await env.ARTICLES.author(1 as unknown as string).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('id must be a string; it is number.');
  });
});
