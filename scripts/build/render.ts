import MarkdownIt from 'markdown-it';
import type { BodyFacts } from '../../src/content/article';
import { perLanguage } from '../../src/views/format';

/**
 * CommonMark with raw HTML disabled: `<script>` in an article is shown as text, never passed
 * through. No typographer, so the author's characters reach the reader unchanged; markdown-it's
 * default link validation drops javascript:, vbscript:, file: and data: (but image) URLs.
 */
const markdown = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });

type Token = ReturnType<typeof markdown.parse>[number];

const WORDS_PER_MINUTE = 230;

/** Renders a Markdown body and derives its plain text, word count and reading time. */
export function renderBody(body: string, lang: string): BodyFacts & { firstParagraph: string } {
  const tokens = markdown.parse(body, {});
  const html = markdown.renderer.render(tokens, markdown.options, {});
  const blocks = textBlocks(tokens);
  const text = blocks.map((block) => block.text).join('\n\n');
  const wordCount = countWords(text, lang);
  return {
    html,
    text,
    wordCount,
    readingTimeMinutes: Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE)),
    firstParagraph: blocks.find((block) => block.paragraph)?.text ?? '',
  };
}

/** The plain text of each block (paragraph, heading, list item, code), in document order. */
function textBlocks(tokens: readonly Token[]): { text: string; paragraph: boolean }[] {
  const blocks: { text: string; paragraph: boolean }[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'inline') {
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

function countWords(text: string, lang: string): number {
  let count = 0;
  for (const segment of wordSegmenter(lang).segment(text)) {
    if (segment.isWordLike) count += 1;
  }
  return count;
}
