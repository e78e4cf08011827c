import { fold, languageOf, termOf } from './analyze';
import type { MatchedTerms } from './engine';

/**
 * A result's snippet: the passage of its text where the query's words are thickest, about
 * SNIPPET_WORDS words, the matched words marked. Bounded: only the first SNIPPET_SCAN characters of
 * the text are read, and a word is folded and stemmed only when its first letter could begin a match.
 */
export const SNIPPET_WORDS = 30;
export const SNIPPET_SCAN = 6000;

/** A run of the snippet's text, marked when it is a matched word. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function snippet(text: string, lang: string, matched: MatchedTerms): SnippetPart[] {
  const language = languageOf(lang);
  const terms = new Set(matched.terms[language] ?? []);
  const phraseWords = new Set(matched.phrases.flat());
  const initials = new Set([...terms, ...phraseWords, ...(matched.prefix === null ? [] : [matched.prefix])].map((term) => term[0]));
  const scanned = text.length > SNIPPET_SCAN ? text.slice(0, text.lastIndexOf(' ', SNIPPET_SCAN) + 1 || SNIPPET_SCAN) : text;
  const found: { start: number; end: number; mark: boolean }[] = [];
  for (const match of scanned.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    let mark = false;
    // Most words are told apart by their first letter, lower-cased (folded only past ASCII): no normalising for them.
    const first = word.charCodeAt(0) < 128 ? word[0]!.toLowerCase() : fold(word[0]!)[0];
    if (initials.has(first)) {
      const folded = fold(word).replace(/['’]/g, '');
      const term = termOf(folded, language);
      mark = (term !== null && terms.has(term)) || phraseWords.has(folded) || (matched.prefix !== null && folded.startsWith(matched.prefix));
    }
    found.push({ start, end: start + word.length, mark });
  }
  if (found.length === 0) return [];
  // The window of SNIPPET_WORDS words holding the most marks; the earliest such.
  let bestStart = 0;
  let bestCount = -1;
  let count = 0;
  for (let at = 0; at < found.length; at++) {
    if (found[at]!.mark) count++;
    if (at >= SNIPPET_WORDS && found[at - SNIPPET_WORDS]!.mark) count--;
    const start = Math.max(0, at - SNIPPET_WORDS + 1);
    if (count > bestCount) [bestCount, bestStart] = [count, start];
  }
  // Begin a few words before the window's first mark, so it is read in its sentence, keeping its last mark in.
  const marks = found.flatMap((word, at) => (word.mark && at >= bestStart && at < bestStart + SNIPPET_WORDS ? [at] : []));
  const from = bestCount > 0 ? Math.max(0, marks[0]! - 4, marks.at(-1)! - SNIPPET_WORDS + 1) : 0;
  const to = Math.min(found.length, from + SNIPPET_WORDS);
  const parts: SnippetPart[] = [];
  const push = (part: string, mark: boolean) => {
    if (part === '') return;
    const previous = parts.at(-1);
    if (previous !== undefined && !previous.mark && !mark) previous.text += part;
    else parts.push({ text: part, mark });
  };
  push(from > 0 ? '… ' : '', false);
  let at = found[from]!.start;
  for (let index = from; index < to; index++) {
    const word = found[index]!;
    push(scanned.slice(at, word.start).replace(/\s+/g, ' '), false);
    push(scanned.slice(word.start, word.end), word.mark);
    at = word.end;
  }
  const end = to < found.length || scanned.length < text.length;
  push(end ? ' …' : scanned.slice(at).replace(/\s+/g, ' ').trimEnd(), false);
  return parts;
}

/** A snippet as HTML: its text escaped, the matched words in `<mark>` (what the API's `snippet` holds). */
export function snippetHtml(parts: readonly SnippetPart[]): string {
  return parts.map(({ text, mark }) => (mark ? `<mark>${escapeHtml(text)}</mark>` : escapeHtml(text))).join('');
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
