/**
 * The plain-text wire format: body paragraphs (one a line), a `Source: …` line, the title, an
 * alternative headline. Whatever follows is not understood and is reported, never dropped silently.
 */
export interface WireStory {
  paragraphs: string[];
  source: string;
  title: string;
  alternativeHeadline: string | null;
  /** Lines the format does not explain, with their 1-based line numbers. */
  unmapped: { line: number; text: string }[];
}

const SOURCE_LINE = /^Source:\s*(.+)$/;

/** Maps every line of a wire story, or says why the text is not one. */
export function parseWire(text: string): { ok: true; story: WireStory } | { ok: false; message: string } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((raw, index) => ({ line: index + 1, text: raw.trim() }))
    .filter((entry) => entry.text !== '');
  const sourceIndex = lines.findLastIndex((entry) => SOURCE_LINE.test(entry.text));
  if (sourceIndex === -1) return { ok: false, message: 'no "Source: …" line, so the body cannot be told from the headlines' };
  const paragraphs = lines.slice(0, sourceIndex).map((entry) => entry.text);
  const [title, alternativeHeadline, ...unmapped] = lines.slice(sourceIndex + 1);
  if (paragraphs.length === 0) return { ok: false, message: 'no body paragraphs before the "Source:" line' };
  if (title === undefined) return { ok: false, message: 'no title after the "Source:" line' };
  return {
    ok: true,
    story: {
      paragraphs,
      source: SOURCE_LINE.exec(lines[sourceIndex]!.text)![1]!.trim(),
      title: title.text,
      alternativeHeadline: alternativeHeadline?.text ?? null,
      unmapped,
    },
  };
}
