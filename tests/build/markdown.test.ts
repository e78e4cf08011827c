import { describe, expect, it } from 'vitest';
import { renderBody } from '../../scripts/build/render';
import { articleText, buildFixture, problemLines } from './documents';
import { article, contentRoot } from './helpers';

/** Article bodies: GitHub's tables, and links that may not run or render anything in the reader's browser. */

const html = (body: string) => renderBody(body, 'en').html;
const problems = (body: string) => renderBody(body, 'en').problems.map(({ message }) => message);
const refused = (url: string) => `link to "${url}" is not allowed: links must be http:, https:, mailto: or tel: URLs, or paths on this site`;

describe('tables', () => {
  it('render as <table>, alignment as a class (the pages’ CSP allows no style attribute)', () => {
    expect(html('| A | B | C | D |\n|:--|--:|:-:|---|\n| 1 | 2 | 3 | 4 |\n')).toBe(`<table>
<thead>
<tr>
<th class="align-left">A</th>
<th class="align-right">B</th>
<th class="align-center">C</th>
<th>D</th>
</tr>
</thead>
<tbody>
<tr>
<td class="align-left">1</td>
<td class="align-right">2</td>
<td class="align-center">3</td>
<td>4</td>
</tr>
</tbody>
</table>
`);
  });

  it('render so in the article page, and give their cells to the text', async () => {
    const built = await buildFixture('newsroom');
    const page = articleText(built, 'market-prices', 'html');
    expect(page).toContain('<table>\n<thead>\n<tr>\n<th class="align-left">Grain</th>\n<th class="align-right">Price (CFA)</th>\n<th class="align-center">Change</th>\n</tr>\n</thead>');
    expect(page).not.toMatch(/ style=/);
    expect(JSON.parse(articleText(built, 'market-prices', 'json')).data.text).toBe('Prices rose this week.\n\nGrain\n\nPrice (CFA)\n\nChange\n\nMillet\n\n18,500\n\n+4%\n\nSorghum\n\n16,000\n\n0%');
  });
});

describe('links in a body', () => {
  it('to the web, mail, a phone, a path, a fragment or a relative path are fine', () => {
    const body = '[a](https://example.com/a) [b](http://example.com/b) [c](mailto:desk@example.com) [d](tel:+15550100) [e](/path) [f](#frag) [g](../x) [h](x?at=a:b) <https://auto.example/>\n\n![i](/images/i.png)';
    expect(problems(body)).toEqual([]);
    expect(html(body)).toBe(
      '<p><a href="https://example.com/a">a</a> <a href="http://example.com/b">b</a> <a href="mailto:desk@example.com">c</a> <a href="tel:+15550100">d</a> <a href="/path">e</a> <a href="#frag">f</a> <a href="../x">g</a> <a href="x?at=a:b">h</a> <a href="https://auto.example/">https://auto.example/</a></p>\n<figure><img src="/images/i.png" alt="i"></figure>\n',
    );
  });

  it('that run or render something (javascript:, data:, any other scheme), however written, are each a problem', () => {
    const body = [
      '[a](javascript:alert(1)) ![b](data:image/png;base64,AAAA) [c](JAVASCRIPT:alert(2)) [d](vbscript:msgbox) [e](file:///etc/passwd)',
      '[f](javascript&#58;alert(3)) <javascript:alert(4)> [g][ref] [h](%6Aavascript:x) [i]( javascript:alert(5))',
      '',
      '[ref]: data:text/html,hi',
    ].join('\n');
    expect(problems(body)).toEqual(
      ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'JAVASCRIPT:alert(2)', 'vbscript:msgbox', 'file:///etc/passwd', 'javascript:alert(3)', 'javascript:alert(4)', 'data:text/html,hi', '%6Aavascript:x', 'javascript:alert(5)'].map(refused),
    );
  });

  it('fail the build like the same URL in front matter, by file', async () => {
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'articles/script.md': article('title: A\ndatePublished: 2026-11-20', 'Click [x](javascript:alert(1)).'),
      'articles/image.md': article('title: B\ndatePublished: 2026-11-20', '![x](data:image/svg+xml;base64,PHN2Zz4=)'),
      'articles/fine.md': article('title: C\ndatePublished: 2026-11-20', '[mail](mailto:a@example.com), [call](tel:+15550100), [web](https://example.com), [path](/tags), [here](#x), [up](../x).'),
    });
    expect(await problemLines(root)).toEqual([
      'content/articles/image.md: body: link to "data:image/svg+xml;base64,PHN2Zz4=" is not allowed: links must be http:, https:, mailto: or tel: URLs, or paths on this site',
      'content/articles/script.md: body: link to "javascript:alert(1)" is not allowed: links must be http:, https:, mailto: or tel: URLs, or paths on this site',
    ]);
  });
});
