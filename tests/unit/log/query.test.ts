import { describe, expect, test } from "vitest";
import {
  DEFAULT_SORT,
  distinct,
  EMPTY_FILTER,
  foldText,
  type LogFilter,
  LogIndex,
  type LogSort,
  type Mark,
  originOf,
  pickEntries,
  searchTerms,
} from "@/lib/log/query";
import type { ReplyLogEntry } from "@/lib/schemas";
import { detection } from "../support/factories";
import { entry, MIN, T0 } from "./support";

const log: ReplyLogEntry[] = [
  entry(
    { agent: "Julie", postText: "Colis jamais reçu, remboursez-moi", finalText: "Désolés, écrivez-nous en DM." },
    0,
  ),
  entry(
    {
      agent: "Marc",
      author: "sam_k",
      postText: "App down again during the match",
      finalText: "Sorry, we're on it.",
      edited: true,
      detection: detection({ category: "outage", severity: 2, lang: "en" }),
      postedAt: T0 + 12 * MIN,
      responseMs: 22 * MIN,
    },
    10,
  ),
  entry(
    {
      agent: "Julie",
      suggestion: null,
      edited: true,
      postText: "Prélevé deux fois ce mois-ci !!",
      finalText: "Nous corrigeons la facture.",
      lintOverride: ["blame"],
      detection: detection({ category: "billing", severity: 3 }),
      responseMs: null,
    },
    20,
  ),
  entry(
    {
      agent: "Ana",
      postText: "Third time my account is locked",
      finalText: "Hi, please DM us.",
      postedAt: T0 + 31 * MIN,
      responseMs: 3 * MIN,
      detection: detection({ category: "account", severity: 1, lang: "en" }),
    },
    30,
  ),
];
const ids = (index: LogIndex, f: Partial<LogFilter>, sort: LogSort = DEFAULT_SORT) =>
  [...index.query({ ...EMPTY_FILTER, ...f }, sort)].map((i) => log.indexOf(log[i] as ReplyLogEntry));

describe("text", () => {
  test.each([
    ["Reçu", "recu"],
    ["ÉCRIVEZ", "ecrivez"],
    ["Plain ASCII", "plain ascii"],
  ])("folds %s to %s", (a, b) => {
    expect(foldText(a)).toBe(b);
  });
  test("search words", () => {
    expect(searchTerms("  Colis   REÇU ")).toEqual(["colis", "recu"]);
    expect(searchTerms("   ")).toEqual([]);
  });
});

describe("filters", () => {
  const index = new LogIndex(log);
  test.each<[string, Partial<LogFilter>, number[]]>([
    ["nothing: newest first", {}, [3, 2, 1, 0]],
    ["date range, end excluded", { from: T0 + 10 * MIN, to: T0 + 30 * MIN }, [2, 1]],
    ["agent", { agent: "Julie" }, [2, 0]],
    ["site", { site: "x" }, [3, 2, 1, 0]],
    ["category", { category: "outage" }, [1]],
    ["severity", { severity: 3 }, [2]],
    ["posted", { status: "posted" }, [3, 1]],
    ["not posted", { status: "not-posted" }, [2, 0]],
    ["as suggested", { origin: "as-suggested" }, [3, 0]],
    ["edited", { origin: "edited" }, [1]],
    ["typed from scratch", { origin: "scratch" }, [2]],
    ["with linter overrides", { override: "with" }, [2]],
    ["without overrides", { override: "without" }, [3, 1, 0]],
    ["search in the post, accents ignored", { text: "recu" }, [0]],
    ["search in the reply", { text: "DM" }, [3, 0]],
    ["search: every word", { text: "dm hi" }, [3]],
    ["search by handle", { text: "@sam_k" }, [1]],
    ["search and filter", { text: "dm", agent: "Julie" }, [0]],
    ["nothing found", { text: "zzz" }, []],
  ])("%s", (_, f, expected) => {
    expect(ids(index, f)).toEqual(expected);
  });

  test("marks: good, coaching, unreviewed", () => {
    const marked = new LogIndex(log);
    const marks = new Map<string, Mark | null>([
      [log[0]?.id as string, "good"],
      [log[2]?.id as string, "coaching"],
      [log[3]?.id as string, null],
    ]);
    marked.setMarks(marks);
    expect(ids(marked, { mark: "good" })).toEqual([0]);
    expect(ids(marked, { mark: "coaching" })).toEqual([2]);
    expect(ids(marked, { mark: "unreviewed" })).toEqual([3, 1]);
  });

  test("a search that narrows the previous one gives the same answer as a fresh one", () => {
    const index = new LogIndex(log);
    for (const text of ["d", "dm", "dm h", "dm hi", "dm", ""]) {
      expect(ids(index, { text })).toEqual(ids(new LogIndex(log), { text }));
    }
  });
});

describe("sort", () => {
  const index = new LogIndex(log);
  test.each<[LogSort, number[]]>([
    [{ key: "insertedAt", dir: "asc" }, [0, 1, 2, 3]],
    [{ key: "agent", dir: "asc" }, [3, 0, 2, 1]],
    [{ key: "agent", dir: "desc" }, [1, 2, 0, 3]],
    [{ key: "responseMs", dir: "asc" }, [3, 0, 1, 2]],
    [{ key: "severity", dir: "desc" }, [2, 1, 3, 0]],
    [{ key: "status", dir: "asc" }, [0, 2, 1, 3]],
    [{ key: "post", dir: "asc" }, [1, 0, 2, 3]],
    [{ key: "author", dir: "asc" }, [0, 2, 3, 1]],
    [{ key: "category", dir: "asc" }, [3, 2, 0, 1]],
  ])("%j", (sort, expected) => {
    expect(ids(index, {}, sort)).toEqual(expected);
  });

  test("sorting and filtering together", () => {
    expect(ids(index, { agent: "Julie" }, { key: "responseMs", dir: "asc" })).toEqual([0, 2]);
  });

  test("by mark: coaching first when descending", () => {
    const marked = new LogIndex(log);
    marked.setMarks(new Map([[log[1]?.id as string, "coaching" as const]]));
    expect(ids(marked, {}, { key: "mark", dir: "desc" })[0]).toBe(1);
  });
});

describe("helpers", () => {
  test("origin", () => {
    expect(log.map(originOf)).toEqual(["as-suggested", "edited", "scratch", "as-suggested"]);
  });
  test("distinct agents, sorted", () => {
    expect(distinct(log, (e) => e.agent)).toEqual(["Ana", "Julie", "Marc"]);
  });
  test("picking the filtered view", () => {
    expect(pickEntries(log, Uint32Array.of(2, 0)).map((e) => e.agent)).toEqual(["Julie", "Julie"]);
  });
});

test("on 5,000 entries, every combination of filters, search and sort gives what a plain scan gives", () => {
  const agents = ["Julie", "Marc", "Ana"];
  const words = ["colis", "facture", "compte", "match", "retard"];
  const big: ReplyLogEntry[] = [];
  for (let i = 0; i < 5_000; i++) {
    const e = log[i % log.length] as ReplyLogEntry;
    big.push({
      ...e,
      id: `id-${String(i).padStart(5, "0")}`,
      agent: agents[(i * 7) % 3] as string,
      insertedAt: T0 + ((i * 7919) % 5_000) * 1000,
      postText: `${words[i % 5]} ${words[(i * 3) % 5]} n°${i}`,
      responseMs: i % 11 === 0 ? null : (i * 37) % 10_000,
    });
  }
  const index = new LogIndex(big);
  const plain = (f: LogFilter, sort: LogSort) => {
    const terms = searchTerms(f.text);
    const kept = big
      .map((e, i) => ({ e, i }))
      .filter(
        ({ e }) =>
          (f.agent === null || e.agent === f.agent) &&
          (f.from === null || e.insertedAt >= f.from) &&
          terms.every((t) => foldText(`${e.postText}\n${e.finalText}\n@${e.author}`).includes(t)),
      );
    const key = (e: ReplyLogEntry) =>
      sort.key === "responseMs" ? (e.responseMs ?? Number.MAX_SAFE_INTEGER) : e.insertedAt;
    kept.sort((a, b) => key(a.e) - key(b.e) || a.i - b.i);
    if (sort.dir === "desc") kept.reverse();
    return kept.map((k) => k.i);
  };
  for (const agent of [null, "Marc"])
    for (const from of [null, T0 + 2_500_000])
      for (const text of ["", "co", "colis", "colis retard", "n°12"])
        for (const sort of [DEFAULT_SORT, { key: "responseMs", dir: "asc" } as LogSort]) {
          const f = { ...EMPTY_FILTER, agent, from, text };
          expect([...index.query(f, sort)]).toEqual(plain(f, sort));
        }
});
