import { paths } from '../../../src/content/paths';
import { ALLOW } from '../../../src/http/headers';
import { cacheControl } from '../../../src/http/policy';
import { MEDIA_TYPES } from '../../../src/http/media-types';
import { ORIGIN } from '../../../src/store/bundle';
import type { DocumentProducer } from '../documents';
import { HEADERS, PARAMETERS, RESPONSES } from './http';
import { pathItems } from './paths';
import { componentSchemas } from './schemas';

/**
 * The OpenAPI 3.1 description of every public route, pre-rendered at `/api/openapi.json`. Its
 * schemas come from the zod schemas the build validates with (src/content/), its header values
 * from the Worker's policy tables, so the document cannot restate them differently. `servers`
 * names the ORIGIN marker, which the Worker replaces with SITE_URL like in every other body.
 */

/** The contract's version: raise it when a response changes shape. */
export const API_VERSION = '1.0.0';

const DESCRIPTION = `Read-only news articles: JSON for programs, HTML and Markdown for people and models.

No authentication: every operation is public and read-only (\`security: []\`).

Every path also answers HEAD (GET without the body) and OPTIONS (a 204 CORS preflight, \`Cache-Control: ${cacheControl('preflight')}\`); any other method gets a 405 problem document (\`title: Method Not Allowed\`, \`status: 405\`) with \`Allow: ${ALLOW}\` and \`Cache-Control: ${cacheControl('clientError')}\`. These are not operations, so they are described here rather than on each path. Every response allows any origin (CORS) and exposes ETag, Last-Modified, Link and Content-Location.

Errors are RFC 9457 problem documents (application/problem+json) with \`type: about:blank\`: 400 adds \`errors\`, 406 \`alternatives\`, 500 and 503 \`requestId\`. A 404 is a problem document under /api/ and the HTML 404 page elsewhere. Responses under /api/ link this document with \`Link: <${paths.openapi}>; rel="service-desc"\` (RFC 8631).

Representations carry strong ETags: send one back in If-None-Match for a 304. Cache-Control comes from one policy table; Cache-Tag gives purge handles.`;

const TAGS = [
  { name: 'api', description: 'Articles as JSON.' },
  { name: 'articles', description: 'An article\'s pages: negotiated, HTML, Markdown.' },
  { name: 'pages', description: 'Front and tag pages (HTML).' },
  { name: 'feeds', description: 'RSS 2.0, Atom 1.0 and JSON Feed 1.1, for the site and for each tag.' },
  { name: 'discovery', description: 'Sitemaps, robots.txt, llms.txt.' },
  { name: 'assets', description: 'Stylesheets, the icon and the embed scripts.' },
];

/**
 * Who publishes the API and on what terms (`info.contact`, `info.license`), in one place so the
 * site's settings can supply it.
 */
export interface ApiPublisher {
  /** The site's name: the API's title, and whom to contact. */
  name: string;
  /** The site's home page: where to reach the newsroom. */
  url: string;
  /** The page stating the terms on which the articles may be used. */
  terms: string;
}

/**
 * The publisher the build knows today: the site's name, and its home page (the ORIGIN marker, like
 * every absolute URL in a body) as contact and as terms, until the site names a page for them.
 */
export function apiPublisher(siteName: string): ApiPublisher {
  const home = `${ORIGIN}${paths.home}`;
  return { name: siteName, url: home, terms: home };
}

/**
 * `info`. The articles are the newsroom's: the API serves them for reading, linking and embedding
 * but licenses nothing, so the licence is a reservation of rights pointing at the site's terms.
 * OpenAPI 3.1's License Object takes a `name` and one of an SPDX `identifier` or a `url` (a name
 * alone gives a reader nothing to look up); SPDX has no identifier for "all rights reserved" (a
 * `LicenseRef-` would name a text this document does not carry), so the terms page is the `url`.
 */
function info(publisher: ApiPublisher): object {
  return {
    title: `${publisher.name} API`,
    version: API_VERSION,
    description: DESCRIPTION,
    contact: { name: publisher.name, url: publisher.url },
    license: { name: `© ${publisher.name}, all rights reserved`, url: publisher.terms },
  };
}

/**
 * The document as an object: deterministic, since it depends on the publisher only. `security: []`
 * at the root: no operation needs credentials (OpenAPI 3.1, `security`: an empty array requires none).
 */
export function openapiDocument(publisher: ApiPublisher): object {
  return {
    openapi: '3.1.1',
    info: info(publisher),
    servers: [{ url: ORIGIN, description: 'The configured SITE_URL.' }],
    security: [],
    tags: TAGS,
    paths: pathItems(),
    components: { schemas: componentSchemas(), responses: RESPONSES, parameters: PARAMETERS, headers: HEADERS },
  };
}

/**
 * `/api/openapi.json`, in a body file of its own. Served as application/json: no OpenAPI media type
 * is registered (application/openapi+json is an Internet-Draft; vnd.oai.openapi+json was never
 * registered), and browsers show application/json rather than download it.
 */
export const openapi: DocumentProducer = ({ context }) => [[{ path: paths.openapi, contentType: MEDIA_TYPES.json, kind: 'list', pages: [JSON.stringify(openapiDocument(apiPublisher(context.siteName)))] }]];
