import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/views/format';
import { trustedArticleHtml } from '../../src/views/trusted';

describe('formatDay', () => {
  const chicago = { locale: 'en-US', timeZone: 'America/Chicago' };

  it('gives the day in the site zone for an instant with a time of day (10:30 p.m. CST is already the next day in UTC)', () => {
    expect(formatDay('2026-12-05T04:30:00Z', true, chicago)).toBe('December 4, 2026');
  });

  it('gives the day written for a date without a time, whatever the zone', () => {
    expect(formatDay('2026-12-05T00:00:00Z', false, chicago)).toBe('December 5, 2026');
  });
});

describe('trustedArticleHtml', () => {
  const table = '<table>\n<tr>\n<td>1</td>\n</tr>\n</table>\n';

  it('puts each table in a scroll box of its own, numbered in the body', () => {
    expect(String(trustedArticleHtml(`<p>a</p>\n${table}${table}`))).toBe(
      `<p>a</p>\n<div class="table-scroll" role="region" aria-label="Table 1" tabindex="0">\n${table.trimEnd()}\n</div>\n<div class="table-scroll" role="region" aria-label="Table 2" tabindex="0">\n${table.trimEnd()}\n</div>\n`,
    );
  });

  it('leaves a table written as text (escaped by the renderer) and a body without tables as they are', () => {
    const text = '<p><code>&lt;table&gt;</code> and &lt;/table&gt;</p>\n';
    expect(String(trustedArticleHtml(text))).toBe(text);
  });
});
