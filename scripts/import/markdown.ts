/** Characters CommonMark may read as markup anywhere in a line (backslash-escaping any is allowed). */
const INLINE_MARKUP = /[\\`*_[\]<>&]/g;
/** A line start CommonMark may read as a block: heading, quote, list, thematic break, fence, setext. */
const BLOCK_START = /^([#>+\-=~|]|\d+(?=[.)]))/;

/** Escapes one line of plain text so that CommonMark renders exactly that text. */
export function escapeMarkdownText(text: string): string {
  const escaped = text.replace(INLINE_MARKUP, (char) => `\\${char}`);
  return escaped.replace(BLOCK_START, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}
