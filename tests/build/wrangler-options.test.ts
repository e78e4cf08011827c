import { describe, expect, it } from 'vitest';
import { readWranglerOptions, withOptions } from '../../scripts/wrangler-options';

// npm run dev and npm run deploy read SITE_URL from the configuration and environment the
// wrangler command line chooses, read as wrangler's parser (yargs) reads it.

describe('readWranglerOptions', () => {
  it('reads the configuration file, folder and environment in each spelling', () => {
    expect(readWranglerOptions([])).toEqual({ envFiles: [], vars: {} });
    expect(readWranglerOptions(['--config', 'a.toml', '--cwd', 'site', '--env', 'production'])).toEqual({ config: 'a.toml', cwd: 'site', env: 'production', envFiles: [], vars: {} });
    expect(readWranglerOptions(['-c', 'a.toml', '-e', 'production'])).toMatchObject({ config: 'a.toml', env: 'production' });
    expect(readWranglerOptions(['--config=a.toml', '--env=production'])).toMatchObject({ config: 'a.toml', env: 'production' });
    expect(readWranglerOptions(['-eproduction'])).toMatchObject({ env: 'production' });
  });

  it('takes an empty --env as none (the top level), as wrangler does', () => {
    expect(readWranglerOptions(['--env='])).toEqual({ envFiles: [], vars: {} });
  });

  it('collects --var pairs as wrangler does: key before the first colon, later ones winning, plain arguments after it included', () => {
    expect(readWranglerOptions(['--var', 'SITE_URL:https://news.example.com:8443', '--dry-run']).vars).toEqual({ SITE_URL: 'https://news.example.com:8443' });
    expect(readWranglerOptions(['--var', 'A:1', 'B:2', '--var=SITE_URL:x', '--var', 'SITE_URL:y']).vars).toEqual({ A: '1', B: '2', SITE_URL: 'y' });
    expect(readWranglerOptions(['--var', 'A:1', '--', '--var', 'B:2']).vars).toEqual({ A: '1' });
    expect(readWranglerOptions(['--env-file', '.env', '.env.local', '--port', '9000'])).toEqual({ envFiles: ['.env', '.env.local'], vars: {}, port: '9000' });
  });

  it('reads the port and local protocol of wrangler dev, and ignores every other option', () => {
    expect(readWranglerOptions(['--port=8790', '--local-protocol', 'https', '--ip', '127.0.0.1', '--outdir', 'dist', 'src/index.ts'])).toEqual({ envFiles: [], vars: {}, port: '8790', localProtocol: 'https' });
  });
});

describe('withOptions', () => {
  it('adds options after the caller\'s, before a --', () => {
    expect(withOptions(['--ip', '127.0.0.1'], ['--var', 'A:1'])).toEqual(['--ip', '127.0.0.1', '--var', 'A:1']);
    expect(withOptions(['--ip', '127.0.0.1', '--', 'x'], ['--var', 'A:1'])).toEqual(['--ip', '127.0.0.1', '--var', 'A:1', '--', 'x']);
  });
});
