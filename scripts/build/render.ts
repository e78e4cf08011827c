import MarkdownIt from 'markdown-it';
import type { ArticlePicture, BodyFacts } from '../../src/content/article';
import { showsText } from '../../src/content/fields';
import { ALT_MAX, CAPTION_MAX } from '../../src/content/schema';
import { perLanguage } from '../../src/views/format';
import { figure } from '../../src/views/picture';

/**
 * CommonMark with raw HTML disabled: `<script>` in an article is shown as text, never passed
 * through. No typographer, so the author's characters reach the reader unchanged. GitHub's tables
 * are on (news copy has them: results, figures). Every link is kept for `linkProblems` to judge:
 * markdown-it's own validation would turn a `javascript:` link into text without a word, while the
 * same URL in front matter fails the build.
 */
const markdown = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false }).enable('table');
markdown.validateLink = () => true;

type Token = ReturnType<typeof markdown.parse>[number];

const WORDS_PER_MINUTE = 230;

/** A problem in a body, for its file: `body: …`. */
export interface BodyProblem {
  field: 'body';
  message: string;
}

/** A link in a body: to the web, to mail or a phone, or a path or fragment on this site. */
const ALLOWED_LINK = /^(?:https?:|mailto:|tel:|[^:]*(?:[/?#]|$))/i;

/** Every link and image source that could run or render something in the reader's browser. */
function linkProblems(tokens: readonly Token[]): BodyProblem[] {
  const problems: BodyProblem[] = [];
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      const url = child.type === 'link_open' ? String(child.attrGet('href') ?? '') : child.type === 'image' ? String(child.attrGet('src') ?? '') : null;
      // Browsers drop tabs, newlines and leading controls/spaces before reading a scheme (URL Standard).
      if (url !== null && !ALLOWED_LINK.test(url.replace(/[\u0000-\u0020]/g, ''))) {
        problems.push({ field: 'body', message: `link to "${url}" is not allowed: links must be http:, https:, mailto: or tel: URLs, or paths on this site` });
      }
    }
  }
  return problems;
}

/** A picture in a body, as written: `![alt](src "title")`; `decorative` when its alt is written `""`. */
export interface BodyImage {
  src: string;
  alt: string;
  title: string | null;
  decorative: boolean;
}

/** The alt text that marks a picture as decorative (WCAG's H67: an empty alt, written on purpose). */
const DECORATIVE = '""';

/** Whether a picture's source is a file here: no scheme, no host (`//`), not only a query or a fragment. */
export const isLocalFile = (src: string): boolean => /^(?![a-z][a-z0-9+.-]*:|\/\/|[?#])/i.test(src);

/**
 * The body's pictures, in order, and what is wrong with their text: alt text (required unless the
 * picture is marked decorative with `![""](…)`, at most ALT_MAX characters) and a source that is
 * a file here (a URL elsewhere is not checked or served by this site). A decorative picture's
 * alt is rendered empty. Their files are checked against the content folder later (article-images.ts).
 */
function bodyImages(tokens: readonly Token[]): { images: BodyImage[]; problems: BodyProblem[] } {
  const images: BodyImage[] = [];
  const problems: BodyProblem[] = [];
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      if (child.type !== 'image') continue;
      const src = String(child.attrGet('src') ?? '');
      const decorative = child.content === DECORATIVE;
      if (decorative) {
        child.children = [];
        child.content = '';
      }
      // The alt text as the page gets it (markdown-it renders the alt's inline text: entities decoded, markup dropped).
      const alt = inlineText(child.children ?? []);
      const written = child.attrGet('title');
      const title = written === null ? null : String(written);
      images.push({ src, alt, title, decorative });
      const allowed = ALLOWED_LINK.test(src.replace(/[\u0000-\u0020]/g, ''));
      if (allowed && !isLocalFile(src)) problems.push({ field: 'body', message: `image "${src}" is not a file under content/: pictures are checked at build and served from this site, never linked from elsewhere` });
      if (!decorative && !showsText(alt)) problems.push({ field: 'body', message: `image "${src}" has no alt text: say what it shows, or write ![${DECORATIVE}](${src}) for a decorative picture` });
      if ([...alt].length > ALT_MAX) problems.push({ field: 'body', message: `image "${src}": its alt text is ${[...alt].length} characters; at most ${ALT_MAX}` });
      if (title !== null && [...title].length > CAPTION_MAX) problems.push({ field: 'body', message: `image "${src}": its caption (the title) is ${[...title].length} characters; at most ${CAPTION_MAX}` });
    }
  }
  return { images, problems };
}

/**
 * Table cells carry their alignment as a class, not markdown-it's `style` attribute: the pages'
 * CSP allows no inline style (site.css styles `.align-left`, `.align-center`, `.align-right`).
 */
function alignByClass(tokens: readonly Token[]): void {
  for (const token of tokens) {
    const style = token.type === 'th_open' || token.type === 'td_open' ? token.attrGet('style') : null;
    if (typeof style !== 'string') continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    token.attrJoin('class', `align-${style.replace('text-align:', '')}`);
  }
}

/** A body picture as the page shows it, by its source as written (undefined until its file is verified). */
export type PictureFor = (image: BodyImage) => ArticlePicture | undefined;

/** Inline content that is only pictures: the pictures, line breaks and spaces between them. */
const onlyPictures = (children: readonly Token[]) =>
  children.some((child) => child.type === 'image') && children.every((child) => child.type === 'image' || child.type === 'softbreak' || child.type === 'hardbreak' || (child.type === 'text' && child.content.trim() === ''));

/**
 * Pictures stand in paragraphs of their own, each rendered as a `<figure>` (views/picture.ts) with
 * its title as the caption: a paragraph of pictures becomes their figures. A picture that shares
 * its paragraph with text, or sits in a heading, a link or a table cell, is a problem: a figure
 * cannot go there. Until its file is verified (`pictureFor` gives nothing), a picture is a plain `<img>`.
 */
function figures(tokens: Token[], images: readonly BodyImage[], pictureFor: PictureFor | undefined): BodyProblem[] {
  const problems: BodyProblem[] = [];
  let next = 0;
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!;
    const children = token.children ?? [];
    const count = children.filter((child) => child.type === 'image').length;
    if (token.type !== 'inline' || count === 0) continue;
    const shown = images.slice(next, next + count);
    next += count;
    if (tokens[at - 1]?.type !== 'paragraph_open' || !onlyPictures(children)) {
      // A picture from elsewhere is a problem already (bodyImages, linkProblems).
      for (const { src } of shown.filter(({ src }) => isLocalFile(src) && ALLOWED_LINK.test(src.replace(/[\u0000-\u0020]/g, '')))) problems.push({ field: 'body', message: `image "${src}" shares its paragraph with text (or sits in a heading, link or table): put each picture in a paragraph of its own` });
      continue;
    }
    const block = new (token.constructor as new (type: string, tag: string, nesting: number) => Token)('html_block', '', 0);
    block.content = shown.map((image) => {
      const picture = pictureFor?.(image);
      return picture === undefined ? `<figure><img src="${markdown.utils.escapeHtml(image.src)}" alt="${markdown.utils.escapeHtml(image.alt)}"></figure>\n` : `${figure(picture, false).toString()}\n`;
    }).join('');
    // The paragraph (open, its inline content, close) becomes the figures.
    tokens.splice(at - 1, 3, block);
    at -= 1;
  }
  return problems;
}

/** Renders a Markdown body and derives its plain text, word count and reading time, and lists its pictures; bad links and pictures are problems. */
export function renderBody(body: string, lang: string, pictureFor?: PictureFor): BodyFacts & { firstParagraph: string; images: BodyImage[]; problems: BodyProblem[] } {
  const tokens = markdown.parse(body, {});
  alignByClass(tokens);
  const pictures = bodyImages(tokens);
  const links = linkProblems(tokens);
  const blocks = textBlocks(tokens);
  const placement = figures(tokens, pictures.images, pictureFor);
  const html = markdown.renderer.render(tokens, markdown.options, {});
  const text = blocks.map((block) => block.text).join('\n\n');
  const wordCount = countWords(text, lang);
  return {
    html,
    text,
    wordCount,
    readingTimeMinutes: Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE)),
    firstParagraph: blocks.find((block) => block.paragraph)?.text ?? '',
    images: pictures.images,
    problems: [...links, ...pictures.problems, ...placement],
  };
}

/** The plain text of each block (paragraph, heading, list item, code), in document order. */
function textBlocks(tokens: readonly Token[]): { text: string; paragraph: boolean }[] {
  const blocks: { text: string; paragraph: boolean }[] = [];
  for (const [index, token] of tokens.entries()) {
    // A paragraph of pictures is no text: their alt text describes them, for those who cannot see them.
    if (token.type === 'inline' && !onlyPictures(token.children ?? [])) {
      blocks.push({ text: inlineText(token.children ?? []), paragraph: tokens[index - 1]?.type === 'paragraph_open' });
    } else if (token.type === 'fence' || token.type === 'code_block') {
      blocks.push({ text: token.content.replace(/\n$/, ''), paragraph: false });
    }
  }
  return blocks.filter((block) => block.text !== '');
}

function inlineText(children: readonly Token[]): string {
  return children
    .map((child) => {
      if (child.type === 'softbreak' || child.type === 'hardbreak') return '\n';
      if (child.type === 'image') return inlineText(child.children ?? []);
      return child.type === 'text' || child.type === 'code_inline' ? child.content : '';
    })
    .join('');
}

const wordSegmenter = perLanguage((lang) => new Intl.Segmenter(lang, { granularity: 'word' }));

/**
 * Text of ASCII, the typographic quotes and the two dashes, where ICU's word rules (Unicode
 * UAX #29, as Intl.Segmenter applies them in every language) come down to WORD_RUN: runs of
 * letters, digits and `_`, joined across `.`, `:` and an apostrophe between letters, and across
 * `.`, `,`, `;` and an apostrophe between digits. The segmenter's iterator costs ~2.8 ms for a
 * 5,000-character article (94 % of an article's build at 20,000 articles); the pattern ~0.03 ms.
 * tests/build/words.test.ts checks that both count alike on random text in many languages.
 */
const PLAIN_TEXT = /^[\t-\r -~\u2013\u2014\u2018\u2019\u201C\u201D]*$/;
const WORD_RUN = /(?:[A-Za-z0-9_]+(?:(?<=[A-Za-z])[.:'\u2018\u2019](?=[A-Za-z])|(?<=[0-9])[.,;'\u2018\u2019](?=[0-9]))?)+/g;

/** Words as Intl.Segmenter counts them (its word-like segments); plain text by WORD_RUN, the rest by the segmenter. */
export function countWords(text: string, lang: string): number {
  // A lone `_` is the one run the segmenter does not call word-like.
  if (PLAIN_TEXT.test(text)) return (text.match(WORD_RUN) ?? []).filter((run) => run !== '_').length;
  let count = 0;
  for (const segment of wordSegmenter(lang).segment(text)) {
    if (segment.isWordLike) count += 1;
  }
  return count;
}
