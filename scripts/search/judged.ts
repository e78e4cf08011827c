/**
 * The judged collection (tests/fixtures/search: articles, and queries with graded judgments) and
 * the two measures of a ranking against it: MRR (the mean of 1/rank of the first result graded 2
 * or 3, among the first ten) and nDCG@10 (gains 2^grade − 1, discounted by log2(rank + 1), over the
 * ideal order of the judged articles). Järvelin & Kekäläinen, "Cumulated gain-based evaluation of
 * IR techniques", 2002.
 */

/** A query and the articles a reader would want for it, graded 3 (about exactly this), 2 (relevant), 1 (marginal). */
export interface Judged {
  query: string;
  kind: string;
  judgments: Readonly<Record<string, number>>;
}

/** The slugs a ranking gives for a query, best first. */
export type Ranking = (query: string) => readonly string[];

export const CUTOFF = 10;

export function reciprocalRank(ranked: readonly string[], { judgments }: Judged): number {
  const at = ranked.slice(0, CUTOFF).findIndex((slug) => (judgments[slug] ?? 0) >= 2);
  return at < 0 ? 0 : 1 / (at + 1);
}

export function ndcg(ranked: readonly string[], { judgments }: Judged): number {
  const dcg = (grades: readonly number[]) => grades.slice(0, CUTOFF).reduce((sum, grade, at) => sum + (2 ** grade - 1) / Math.log2(at + 2), 0);
  const ideal = dcg(Object.values(judgments).sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((slug) => judgments[slug] ?? 0)) / ideal;
}

export interface Scores {
  mrr: number;
  ndcg: number;
  /** Per kind of query. */
  kinds: Record<string, { mrr: number; ndcg: number; queries: number }>;
}

/** Both measures over the collection, and per kind of query. */
export function evaluate(ranking: Ranking, judged: readonly Judged[]): Scores {
  const rows = judged.map((one) => {
    const ranked = ranking(one.query);
    return { kind: one.kind, rr: reciprocalRank(ranked, one), ndcg: ndcg(ranked, one) };
  });
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / (values.length || 1);
  const kinds: Scores['kinds'] = {};
  for (const kind of new Set(rows.map((row) => row.kind))) {
    const of = rows.filter((row) => row.kind === kind);
    kinds[kind] = { mrr: mean(of.map((row) => row.rr)), ndcg: mean(of.map((row) => row.ndcg)), queries: of.length };
  }
  return { mrr: mean(rows.map((row) => row.rr)), ndcg: mean(rows.map((row) => row.ndcg)), kinds };
}
