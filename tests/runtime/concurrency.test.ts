import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { serveFixture, type Served } from './served';

// Every body the seed build has: three representations of the article (one file), home, 404.
const PATHS = [`/api/articles/${seed.slug}`, `/articles/${seed.slug}.html`, `/articles/${seed.slug}.md`, '/', '/no-such-page'];
const CLIENTS = 64;
// Measured on the old code (a read in progress shared between requests): the first 500 came after
// 8,000–17,000 requests, then hundreds; so the test sends enough to see it every time.
const REQUESTS = 24_000;

type Outcome = number | 'aborted';

/** GET `path` on a kept-alive connection; with `abort`, hangs up after 0–2 ms. */
function get(agent: Agent, port: number, path: string, abort: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve('aborted'));
    });
    req.on('error', () => resolve('aborted'));
    req.end();
    if (abort) setTimeout(() => req.destroy(), Math.random() * 2);
  });
}

/** `count` requests over PATHS from CLIENTS clients; every third one hangs up. */
async function run(agent: Agent, count: number): Promise<Map<Outcome, number>> {
  const outcomes = new Map<Outcome, number>();
  let next = 0;
  const client = async () => {
    while (next < count) {
      const n = next++;
      const outcome = await get(agent, served.port, PATHS[n % PATHS.length]!, n % 3 === 0);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return outcomes;
}

let served: Served;

beforeAll(async () => {
  // A body cache of 0 bytes: every request reads its body file, so reads overlap all the time.
  served = await serveFixture('seed', { BODY_CACHE_BYTES: '0' });
});

afterAll(async () => {
  await served?.stop();
});

describe('concurrent reads with clients hanging up', () => {
  it('never answers 5xx: no request waits on another request’s read', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const outcomes = await run(agent, REQUESTS);
    agent.destroy();
    const answered = (outcomes.get(200) ?? 0) + (outcomes.get(404) ?? 0);
    expect([...outcomes.keys()].filter((outcome) => outcome !== 200 && outcome !== 404 && outcome !== 'aborted')).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual((REQUESTS * 2) / 3);
    expect(served.server.log()).not.toContain('Cannot perform I/O on behalf of a different request');
  });
});
