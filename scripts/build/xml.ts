import { XMLBuilder } from 'fast-xml-parser';
import { ORIGIN } from '../../src/store/bundle';

/**
 * XML for the feeds and sitemaps, from plain objects: the builder escapes every text node and
 * attribute value (`&`, `<`, `>`, `"`, `'`), so no content reaches the output unescaped. It
 * leaves the ORIGIN marker (U+E000, a character XML allows) as it is, for the Worker to replace.
 * Keys starting with `@` are attributes, `#text` is an element's text; arrays repeat an element.
 */

/** An element's content as the builder takes it. */
export type XmlNode = Record<string, unknown>;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', format: true, indentBy: '  ', suppressEmptyNode: true });

/** A whole document: the XML declaration, then `root` (one key: the root element). */
export function xmlDocument(root: XmlNode): string {
  return builder.build({ '?xml': { '@version': '1.0', '@encoding': 'UTF-8' }, ...root }) as string;
}

/** One element, escaped, without a declaration (a fragment to measure or join). */
export function xmlFragment(element: XmlNode): string {
  return builder.build(element) as string;
}

/** XML's predefined entities, as the builder escapes text (its default `entities`). */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
export const escapeText = (text: string) => text.replace(/[&<>'"]/g, (character) => ENTITIES[character]!);

/**
 * `xmlFragment({ [name]: fields })` for an element of text fields only (a sitemap's `<url>`),
 * written directly: the same text (tests/build/xml.test.ts checks it against the builder on random
 * fields), some eight times faster, which counts at a million sitemap URLs. A field left undefined is left out.
 */
export function textFieldsElement(name: string, fields: Readonly<Record<string, string | undefined>>): string {
  let children = '';
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    children += value === '' ? `  <${field}/>\n` : `  <${field}>${escapeText(value)}</${field}>\n`;
  }
  return children === '' ? `<${name}/>\n` : `<${name}>\n${children}</${name}>\n`;
}

/** The absolute URL of a path on this site, as the Worker will serve it. */
export function absolute(path: string): string {
  return `${ORIGIN}${path}`;
}
