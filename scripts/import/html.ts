import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/**
 * A wire body's HTML (ninjs `text/html`) as our Markdown: unified's rehype-parse (the HTML
 * standard's parser), rehype-remark and remark-stringify with remark-gfm, so what our Markdown can say
 * (paragraphs, headings, emphasis, links, lists, quotes, code, tables) is kept and every other element gives its text.
 * Nothing that runs or loads is kept: a body with any is refused, naming each, rather than cleaned
 * (a wire story never needs one, and an editor should see what came).
 */

/** Elements that run, load, submit or style something: a body with one is refused. */
const UNSAFE_ELEMENTS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea', 'select', 'link', 'meta', 'base', 'svg', 'math', 'template', 'noscript', 'canvas', 'portal']);

/** Media, which our Markdown takes only as files under content/: left out, and counted for the report. */
const MEDIA = ['img', 'picture', 'source', 'video', 'audio', 'track'];

/** Attributes holding a URL (hast property names). */
const URL_PROPERTIES = ['href', 'src', 'cite', 'action', 'formAction', 'poster', 'srcSet', 'xLinkHref', 'background'];

/** A URL a link may keep: http(s), mailto or tel, or one without a scheme (relative, a fragment). */
const SAFE_URL = /^(?:https?:|mailto:|tel:|[^:]*(?:[/?#]|$))/i;

/** What a body holds that our Markdown cannot: pictures (a story's photos come as files: --image, or its featureimage). */
export interface Converted {
  markdown: string;
  /** How many pictures, videos and sounds the body had: not imported. */
  pictures: number;
}

function* elements(node: Root | RootContent): Generator<Element> {
  if (node.type === 'element') yield node;
  if ('children' in node) for (const child of node.children) yield* elements(child);
  if (node.type === 'element' && node.content !== undefined) yield* elements(node.content);
}

/** Everything in `html` that would run or load something, as `<tag>` or `<tag attribute>`, in document order. */
export function unsafeHtml(tree: Root): string[] {
  const found: string[] = [];
  for (const element of elements(tree)) {
    if (UNSAFE_ELEMENTS.has(element.tagName)) found.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`<${element.tagName} ${name.toLowerCase()}>`);
      else if (name === 'style') found.push(`<${element.tagName} style>`);
      else if (URL_PROPERTIES.includes(name) && typeof value === 'string' && !SAFE_URL.test(value.replace(/[\s\u0000-\u001f]/g, ''))) found.push(`<${element.tagName} ${name}=${JSON.stringify(value.slice(0, 40))}>`);
    }
  }
  return found;
}

/** The body as Markdown, or what in it is unsafe. */
export function htmlToMarkdown(html: string): { ok: true; value: Converted } | { ok: false; unsafe: string[] } {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  const unsafe = unsafeHtml(tree);
  if (unsafe.length > 0) return { ok: false, unsafe };
  const all = [...elements(tree)];
  const pictures = all.filter((element) => ['img', 'video', 'audio'].includes(element.tagName)).length;
  // A table cell's alignment as our own pages write it (a class: the CSP allows no style attribute), for remark-gfm.
  for (const cell of all.filter((element) => element.tagName === 'td' || element.tagName === 'th')) {
    const align = (cell.properties.className as string[] | undefined)?.find((name) => /^align-(left|center|right)$/.test(name));
    if (align !== undefined) cell.properties.align = align.slice('align-'.length);
  }
  const processor = unified()
    .use(rehypeRemark, {
      handlers: {
        ...Object.fromEntries(MEDIA.map((name) => [name, () => undefined])),
        // A figure of a picture goes with it: its caption alone would describe nothing.
        figure: (state, node) => ([...elements(node)].some((element) => MEDIA.includes(element.tagName)) ? undefined : state.toFlow(state.all(node))),
      },
    })
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-' });
  const markdown = processor.stringify(processor.runSync(tree)).trim();
  return { ok: true, value: { markdown, pictures } };
}
