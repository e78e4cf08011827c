import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import clientExample from '../../examples/client.ts?raw';
import readme from '../../README.md?raw';
import { browserExample, EXAMPLE_URL } from '../../scripts/checks/browser-example';
import consumerWorker from '../rpc/consumer.ts?raw';

/**
 * README's `curl -i` examples, replayed against the real Worker: a stale ETag, header or body in
 * the README fails here (`npm run readme:examples` rewrites them). `Date` differs per request; `wrangler dev` sends HTML chunked where the
 * Worker itself sets Content-Length; bodies shortened with `…` are compared up to it.
 */

interface Example {
  command: string;
  request: Request;
  status: string;
  headers: string[];
  body: string;
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 200: 'OK', 204: 'No Content', 301: 'Moved Permanently', 304: 'Not Modified', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 503: 'Service Unavailable' };

/** Splits a shell command line into words, honouring single quotes (all the README uses). */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map(([, quoted, bare]) => quoted ?? bare!);
}

function toRequest(command: string): Request {
  const args = words(command).slice(1);
  const headers = new Headers();
  let method = 'GET';
  let url = '';
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '-H') {
      const [name, ...value] = args[(i += 1)]!.split(':');
      headers.append(name!, value.join(':').trim());
    } else if (arg === '-X') method = args[(i += 1)]!;
    else if (arg === '-I') method = 'HEAD';
    else if (!arg.startsWith('-')) url = arg;
  }
  // curl without -L does not follow a redirect: its example shows the 301 itself.
  return new Request(url, { method, headers, redirect: 'manual' });
}

/** Every `$ curl` in the README's console blocks, with the output shown under it. */
function examples(): Example[] {
  const blocks = [...readme.matchAll(/```console\n([\s\S]*?)```/g)].map(([, block]) => block!);
  return blocks.flatMap((block) =>
    block
      .split(/^(?=\$ curl )/m)
      .filter((part) => part.startsWith('$ curl '))
      .map((part) => {
        const [command, status, ...rest] = part.replace(/\n+$/, '').split('\n');
        const blank = rest.indexOf('');
        const headers = blank === -1 ? rest : rest.slice(0, blank);
        return { command: command!.slice(2), request: toRequest(command!.slice(2)), status: status!, headers, body: blank === -1 ? '' : rest.slice(blank + 1).join('\n') };
      }),
  );
}

/** Header lines to compare: lower-cased names, sorted; without Date and the transfer framing. */
function comparable(lines: readonly string[], chunked: boolean): string[] {
  return lines
    .map((line) => line.replace(/^[^:]+/, (name) => name.toLowerCase()))
    .filter((line) => !line.startsWith('date:') && !line.startsWith('transfer-encoding:') && !(chunked && line.startsWith('content-length:')))
    .sort();
}

describe('README curl examples', () => {
  const all = examples();

  it('finds the examples', () => {
    expect(all.length).toBeGreaterThanOrEqual(9);
  });

  it.each(all.map((example) => [example.command, example] as const))('%s', async (_, example) => {
    const response = await exports.default.fetch(example.request);
    const body = await response.text();
    const chunked = example.headers.some((line) => /^transfer-encoding: chunked$/i.test(line));
    const actual = [...response.headers].map(([name, value]) => `${name}: ${value}`);
    // A body of known length goes on the wire with Content-Length even when the Worker set none (an empty one too: a redirect's 0).
    const sized = body !== '' || (example.request.method !== 'HEAD' && response.status !== 204 && response.status !== 304);
    if (!response.headers.has('Content-Length') && sized) actual.push(`content-length: ${new TextEncoder().encode(body).byteLength}`);
    expect(`HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status]}`).toBe(example.status);
    expect(comparable(actual, chunked)).toEqual(comparable(example.headers, chunked));
    if (example.body.endsWith('…')) expect(body.startsWith(example.body.slice(0, -1))).toBe(true);
    // A console block cannot show a body's final line break.
    else expect(body.replace(/\n$/, '')).toBe(example.body);
  });
});

describe('README code examples', () => {
  // The client example runs in client.test.ts, the consumer Worker in tests/rpc/, the browser
  // snippet in check:embedding: the README must show them as they are.
  it('shows the browser snippet check:embedding runs, verbatim', () => {
    expect(readme).toContain('```js\n' + browserExample(EXAMPLE_URL) + '```');
  });

  it.each([
    ['examples/client.ts', clientExample],
    ['tests/rpc/consumer.ts (from its import)', consumerWorker.slice(consumerWorker.indexOf('import type'))],
  ])('shows %s verbatim', (_, source) => {
    expect(readme).toContain('```ts\n' + source + '```');
  });
});
