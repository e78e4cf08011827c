import { describe, expect, it } from 'vitest';
import { readCommand, USAGE } from '../../scripts/build/cli';
import { runBuild } from './helpers';

describe('scripts/build.ts command line', () => {
  it('prints its usage, every option and environment variable, for --help and exits 0', async () => {
    const run = await runBuild(['--help']);
    expect(run).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
    for (const name of ['--root', '--content', '--out', '--assets', '--max-article-bytes', '--max-representation-bytes', '--allow-empty', '--plan', '--help', 'EDGEWIRE_DEV', 'EDGEWIRE_DRAFTS', 'EDGEWIRE_NOW', 'EDGEWIRE_CONTENT', 'EDGEWIRE_PLAN']) {
      expect(USAGE).toContain(name);
    }
  });

  it('rejects an unknown option in one line, then the usage, with exit 2 and no stack trace', async () => {
    expect(await runBuild(['--nope'])).toEqual({ code: 2, stdout: '', stderr: `build: Unknown option '--nope'\n\n${USAGE}\n` });
  });

  it('reads options and the environment', () => {
    expect(readCommand(['--max-article-bytes', '2000', '--allow-empty'], { EDGEWIRE_DEV: '1', EDGEWIRE_CONTENT: '/tmp/corpus' })).toEqual({
      kind: 'build',
      command: { root: '.', content: '/tmp/corpus', out: 'src/generated/content.txt', assets: '.edgewire/assets', maxArticleBytes: 2000, maxRepresentationBytes: 1_048_576, allowEmpty: true, plan: 'free', dev: true, includeDrafts: true },
    });
    expect(readCommand([], { EDGEWIRE_DRAFTS: 'include' })).toMatchObject({ kind: 'build', command: { content: 'content', maxArticleBytes: 1_000_000, dev: false, includeDrafts: true } });
    expect(readCommand([], {})).toMatchObject({ kind: 'build', command: { allowEmpty: false, dev: false, includeDrafts: false } });
    expect(readCommand(['--max-article-bytes', '1e6'], {})).toEqual({ kind: 'error', message: '--max-article-bytes must be a whole number of bytes, such as 1000000' });
    expect(readCommand(['--max-representation-bytes', '0'], {})).toEqual({ kind: 'error', message: '--max-representation-bytes must be a whole number of bytes, such as 1048576' });
    expect(readCommand(['stray'], {})).toEqual({ kind: 'error', message: "Unexpected argument 'stray'" });
    // The build's clock: an RFC 3339 instant with its offset, or the machine's.
    expect(readCommand([], { EDGEWIRE_NOW: '2099-03-01T10:00:00+01:00' })).toMatchObject({ kind: 'build', command: { now: Date.UTC(2099, 2, 1, 9) } });
    expect(readCommand([], { EDGEWIRE_NOW: '' })).not.toHaveProperty('command.now');
    for (const text of ['2099-03-01', 'tomorrow', '2099-03-01T09:00:00']) {
      expect(readCommand([], { EDGEWIRE_NOW: text })).toEqual({ kind: 'error', message: `EDGEWIRE_NOW must be an RFC 3339 instant such as 2026-12-06T09:30:00Z, not ${JSON.stringify(text)}` });
    }
  });
});
