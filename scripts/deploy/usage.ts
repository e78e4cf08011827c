/** What `npm run deploy` says about itself. */

export const DEPLOY_USAGE = `usage: npm run deploy [-- <wrangler deploy options>]

Deploys the site with \`wrangler deploy\`, after two checks that stop it before wrangler starts:
SITE_URL, as the chosen environment sets it, must be the site's public https: origin; and the
content must build (a production build: no drafts) within the Workers plan's limits (Free's,
or Paid's with EDGEWIRE_PLAN=paid). A problem prints its line(s) and exits 1.
Options after -- go to wrangler deploy (see \`npx wrangler deploy --help\`), for example:
  --env production  the public site: SITE_URL from [env.production.vars] in wrangler.toml
  --dry-run         build and bundle, upload nothing (with --outdir dist, keep the bundle)
  -h, --help        print this and exit`;
