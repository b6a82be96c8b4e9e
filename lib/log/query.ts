/**
 * Filter, full-text search and sort over the reply log, held in memory as one array (100,000 entries and more).
 * The answer is a list of indices into that array, so nothing is copied; the lowercase search text is built once
 * per entry (on the first search), each column's order once per sort key, and a search that narrows the previous
 * one (one more letter typed) only scans the previous answer.
 */
import type { Category, ReplyLogEntry, Severity, SiteId } from "../schemas";

export type Mark = "good" | "coaching";
export type ReplyStatus = "posted" | "not-posted";
/** As suggested: the suggestion unchanged; edited: a suggestion changed; scratch: typed without one. */
export type Origin = "as-suggested" | "edited" | "scratch";

export interface LogFilter {
  /** Inserted at or after (epoch ms). */
  from: number | null;
  /** Inserted before (epoch ms). */
  to: number | null;
  agent: string | null;
  site: SiteId | null;
  category: Category | null;
  severity: Severity | null;
  status: ReplyStatus | null;
  origin: Origin | null;
  /** Entries inserted over blocking linter warnings, or without any. */
  override: "with" | "without" | null;
  mark: Mark | "unreviewed" | null;
  /** Words that must all appear in the post or the reply (or the author's handle); case and accents ignored. */
  text: string;
}

export const EMPTY_FILTER: LogFilter = {
  from: null,
  to: null,
  agent: null,
  site: null,
  category: null,
  severity: null,
  status: null,
  origin: null,
  override: null,
  mark: null,
  text: "",
};

export const SORT_KEYS = [
  "insertedAt",
  "agent",
  "site",
  "author",
  "post",
  "reply",
  "severity",
  "category",
  "responseMs",
  "status",
  "mark",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface LogSort {
  key: SortKey;
  dir: "asc" | "desc";
}
export const DEFAULT_SORT: LogSort = { key: "insertedAt", dir: "desc" };

/** Marks by reply id, as the reviews table holds them. */
export type MarkLookup = ReadonlyMap<string, Mark | null>;

export function originOf(e: Pick<ReplyLogEntry, "suggestion" | "edited">): Origin {
  if (e.suggestion === null) return "scratch";
  return e.edited ? "edited" : "as-suggested";
}

export function statusOf(e: Pick<ReplyLogEntry, "postedAt">): ReplyStatus {
  return e.postedAt === null ? "not-posted" : "posted";
}

/** Lowercase, without accents: "Reçu" and "recu" match. */
export function foldText(s: string): string {
  const lower = s.toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point.
  return /[^\u0000-\u007f]/.test(lower) ? lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : lower;
}

/** The search's words, folded; empty when there is nothing to search. */
export function searchTerms(text: string): string[] {
  return foldText(text).split(/\s+/).filter(Boolean);
}

function sameFilterBesidesText(a: LogFilter, b: LogFilter): boolean {
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.agent === b.agent &&
    a.site === b.site &&
    a.category === b.category &&
    a.severity === b.severity &&
    a.status === b.status &&
    a.origin === b.origin &&
    a.override === b.override &&
    a.mark === b.mark
  );
}

/** Whether `next`'s words find a subset of what `prev`'s found: every old word is inside some new one. */
function narrows(prev: readonly string[], next: readonly string[]): boolean {
  return prev.every((p) => next.some((n) => n.includes(p)));
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

export class LogIndex {
  private search: string[] | null = null;
  private readonly orders = new Map<SortKey, Uint32Array>();
  private marks: MarkLookup = new Map();
  private last: { filter: LogFilter; sort: LogSort; terms: string[]; result: Uint32Array } | null = null;

  constructor(readonly entries: readonly ReplyLogEntry[]) {}

  get size(): number {
    return this.entries.length;
  }

  /** New marks: the mark column's order and the last answer no longer hold. */
  setMarks(marks: MarkLookup): void {
    if (marks === this.marks) return;
    this.marks = marks;
    this.orders.delete("mark");
    this.last = null;
  }

  markOf(id: string): Mark | null {
    return this.marks.get(id) ?? null;
  }

  /** Build the search text now (e.g. when the browser is idle), so the first search is as fast as the others. */
  prepareSearch(): void {
    if (this.search) return;
    const out = new Array<string>(this.entries.length);
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i] as ReplyLogEntry;
      out[i] = foldText(`${e.postText}\n${e.finalText}\n@${e.author}`);
    }
    this.search = out;
  }

  /** Indices of the entries that pass `filter`, in `sort` order. */
  query(filter: LogFilter, sort: LogSort = DEFAULT_SORT): Uint32Array {
    const terms = searchTerms(filter.text);
    const last = this.last;
    let source: Uint32Array | null = null;
    if (
      last &&
      last.sort.key === sort.key &&
      last.sort.dir === sort.dir &&
      sameFilterBesidesText(last.filter, filter) &&
      narrows(last.terms, terms)
    ) {
      if (last.terms.join(" ") === terms.join(" ")) return last.result;
      source = last.result;
    }
    const result = this.scan(filter, terms, sort, source);
    this.last = { filter, sort, terms, result };
    return result;
  }

  private scan(filter: LogFilter, terms: readonly string[], sort: LogSort, source: Uint32Array | null): Uint32Array {
    const { entries } = this;
    if (terms.length > 0) this.prepareSearch();
    const search = this.search;
    const order = source ?? this.order(sort.key);
    const n = order.length;
    const out = new Uint32Array(n);
    let count = 0;
    const { from, to, agent, site, category, severity, status, origin, override, mark } = filter;
    const simple =
      from === null &&
      to === null &&
      agent === null &&
      site === null &&
      category === null &&
      severity === null &&
      status === null &&
      origin === null &&
      override === null &&
      mark === null;
    // A narrowing search keeps the previous answer's order; a fresh scan walks the column's order backwards for desc.
    const backwards = source === null && sort.dir === "desc";
    for (let k = 0; k < n; k++) {
      const i = order[backwards ? n - 1 - k : k] as number;
      const e = entries[i] as ReplyLogEntry;
      if (!simple) {
        if (from !== null && e.insertedAt < from) continue;
        if (to !== null && e.insertedAt >= to) continue;
        if (agent !== null && e.agent !== agent) continue;
        if (site !== null && e.site !== site) continue;
        if (category !== null && e.detection.category !== category) continue;
        if (severity !== null && e.detection.severity !== severity) continue;
        if (status !== null && (e.postedAt === null) !== (status === "not-posted")) continue;
        if (origin !== null && originOf(e) !== origin) continue;
        if (override !== null && (e.lintOverride !== undefined && e.lintOverride.length > 0) !== (override === "with"))
          continue;
        if (mark !== null) {
          const m = this.marks.get(e.id) ?? null;
          if (mark === "unreviewed" ? m !== null : m !== mark) continue;
        }
      }
      if (search !== null && terms.length > 0) {
        const s = search[i] as string;
        let all = true;
        for (const t of terms) {
          if (!s.includes(t)) {
            all = false;
            break;
          }
        }
        if (!all) continue;
      }
      out[count++] = i;
    }
    return out.subarray(0, count);
  }

  /** The entries' indices in ascending order of `key` (ties: the array's own order, oldest first). */
  private order(key: SortKey): Uint32Array {
    const cached = this.orders.get(key);
    if (cached) return cached;
    const order = sortIndices(this.entries, key, this.marks);
    this.orders.set(key, order);
    return order;
  }
}

/** The value a column sorts by: numbers, or strings (compared case- and accent-insensitively). */
export function sortValue(e: ReplyLogEntry, key: SortKey, marks: MarkLookup): number | string {
  switch (key) {
    case "insertedAt":
      return e.insertedAt;
    case "agent":
      return e.agent;
    case "site":
      return e.site;
    case "author":
      return e.author;
    case "post":
      return e.postText.slice(0, 80);
    case "reply":
      return e.finalText.slice(0, 80);
    case "severity":
      return e.detection.severity;
    case "category":
      return e.detection.category;
    case "responseMs":
      // Unknown response times go last when ascending.
      return e.responseMs ?? Number.MAX_SAFE_INTEGER;
    case "status":
      return e.postedAt === null ? 0 : 1;
    case "mark": {
      const m = marks.get(e.id) ?? null;
      return m === "coaching" ? 2 : m === "good" ? 1 : 0;
    }
  }
}

export function sortIndices(entries: readonly ReplyLogEntry[], key: SortKey, marks: MarkLookup): Uint32Array {
  const n = entries.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n === 0) return idx;
  const first = sortValue(entries[0] as ReplyLogEntry, key, marks);
  if (typeof first === "number") {
    const values = new Float64Array(n);
    let sorted = true;
    for (let i = 0; i < n; i++) {
      values[i] = sortValue(entries[i] as ReplyLogEntry, key, marks) as number;
      if (i > 0 && (values[i] as number) < (values[i - 1] as number)) sorted = false;
    }
    // The log is read in insertion order: sorting by time is then free.
    if (sorted) return idx;
    return idx.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  }
  // Strings: folded (case and accents ignored), the distinct values ranked once, then numbers sorted. A collator
  // would order some letters better but costs seconds on 100,000 distinct post texts.
  const values = new Array<string>(n);
  for (let i = 0; i < n; i++) values[i] = foldText(sortValue(entries[i] as ReplyLogEntry, key, marks) as string);
  const distinct = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rankOf = new Map(distinct.map((v, r) => [v, r]));
  const ranks = new Uint32Array(n);
  for (let i = 0; i < n; i++) ranks[i] = rankOf.get(values[i] as string) as number;
  return idx.sort((a, b) => (ranks[a] as number) - (ranks[b] as number) || a - b);
}

/** The distinct values of a field, sorted: the filter bar's choices. */
export function distinct(entries: readonly ReplyLogEntry[], pick: (e: ReplyLogEntry) => string): string[] {
  const seen = new Set<string>();
  for (const e of entries) seen.add(pick(e));
  return [...seen].sort(collator.compare);
}

/** The entries at `indices`, in that order (exports of the filtered view). */
export function pickEntries(entries: readonly ReplyLogEntry[], indices: ArrayLike<number>): ReplyLogEntry[] {
  const out = new Array<ReplyLogEntry>(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = entries[indices[k] as number] as ReplyLogEntry;
  return out;
}

/** Whether a complaint falls in the filter's date range (by detection), site, category and severity. */
export function complaintMatches(
  filter: LogFilter,
  c: { site: string; detectedAt: number; detection: { category: string; severity: number } },
): boolean {
  return (
    (filter.from === null || c.detectedAt >= filter.from) &&
    (filter.to === null || c.detectedAt < filter.to) &&
    (filter.site === null || c.site === filter.site) &&
    (filter.category === null || c.detection.category === filter.category) &&
    (filter.severity === null || c.detection.severity === filter.severity)
  );
}
