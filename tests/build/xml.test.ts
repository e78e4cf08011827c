import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textFieldsElement, xmlFragment } from '../../scripts/build/xml';

describe('an element of text fields, written directly', () => {
  it("is the builder's own text for any field values (escaped, empty, left out)", () => {
    const value = fc.option(fc.string({ unit: fc.constantFrom('a', 'é', '&', '<', '>', '"', "'", ' ', '\n', '\uE000', ']]>', '&amp;') }), { nil: undefined });
    fc.assert(
      fc.property(value, value, (loc, lastmod) => {
        const fields = { loc, lastmod };
        expect(textFieldsElement('url', fields)).toBe(xmlFragment({ url: fields }));
      }),
      { seed: 17, numRuns: 500 },
    );
  });

  it('writes a sitemap URL', () => {
    expect(textFieldsElement('url', { loc: 'https://news.example.com/a?b=1&c=<2>', lastmod: '2026-12-05T22:30:00-05:00' })).toBe(
      '<url>\n  <loc>https://news.example.com/a?b=1&amp;c=&lt;2&gt;</loc>\n  <lastmod>2026-12-05T22:30:00-05:00</lastmod>\n</url>\n',
    );
  });
});
