import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CATEGORIES, type Lang, Suggestion } from "../../../lib/schemas";
import { LIMIT_SITE_IDS, limitFor } from "../../../lib/sites/limits";
import { type SuggestInput, suggest } from "../../../lib/suggest";
import { DEFAULT_PLAYBOOK, type Playbook, type PlaybookInput, parsePlaybook } from "../../../lib/suggest/playbook";
import { detectionOf } from "../support/factories";

const root = path.resolve(import.meta.dirname, "../../..");
const load = (file: string): Playbook => {
  const r = parsePlaybook(readFileSync(path.join(root, file), "utf8"));
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.playbook;
};

/** A built-in-derived playbook whose templates are too long for any site: fitting must cut them. */
function longPlaybook(): Playbook {
  const p: PlaybookInput = structuredClone(DEFAULT_PLAYBOOK);
  const long = "We are looking into every single detail of this with the utmost care and attention, right now.";
  for (const lang of ["fr", "en"] as const) {
    p.strategies["concrete-fix"][lang].variants = [
      [
        { text: "Sorry {author}, about {issue}.", optional: false },
        ...Array.from({ length: 6 }, (_, i) => ({ text: `${long} (${i})`, optional: i % 2 === 0 })),
      ],
    ];
    delete p.strategies["concrete-fix"][lang].short;
  }
  p.strategies["hand-off"].prompts = [{ name: "eta", label: { fr: "délai", en: "delay" }, example: "2 h" }];
  p.strategies["hand-off"].en.variants.push([
    { text: "Sorry {author}. A lead at {brand|customer care} calls back within {eta}.", optional: false },
  ]);
  const parsed = parsePlaybook(p);
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  return parsed.playbook;
}

const PLAYBOOKS: readonly [string, Playbook][] = [
  ["built-in", DEFAULT_PLAYBOOK],
  ["tu + emoji + team signature", { ...DEFAULT_PLAYBOOK, voice: { formality: "tu", emoji: true, signature: "^ACME" } }],
  ["migrated from format 1", load("tests/unit/suggest/fixtures/playbook-v1.json")],
  ["example", load("examples/playbook.example.json")],
  ["long sentences and a prompt", longPlaybook()],
];

const LANGS: readonly Lang[] = ["fr", "en", "es", "de", "it", "pt", "und"];

/** Well-formed text (no lone surrogates), awkward on purpose: emoji, accents, URLs, handles, CJK, newlines. */
const awkward = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc
    .array(
      fc.constantFrom(
        "jane",
        "_doe",
        "👨‍👩‍👧",
        "🙏🏽",
        "e\u0301",
        "日本語",
        "https://example.com/a/very/long/path?q=1",
        "acme.com",
        "@user@mastodon.social",
        " ",
        "\n",
        "{author}",
        "[vous|tu]",
        "^",
        ",",
        ".",
        "Z".repeat(40),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join("")),
);

/** [playbook index, input without it]: a counterexample names the playbook instead of printing it whole. */
const input: fc.Arbitrary<[number, SuggestInput]> = fc
  .record({
    id: fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 64 }),
    author: awkward,
    text: fc.string({ maxLength: 200 }),
    site: fc.oneof(fc.constantFrom(...LIMIT_SITE_IDS), fc.string({ maxLength: 10 })),
    lang: fc.constantFrom(...LANGS),
    category: fc.constantFrom(...CATEGORIES),
    severity: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
    agentName: fc.option(awkward, { nil: undefined }),
    // Settings cap the signature at 30: cut by code point, as a text field would, never inside a pair.
    signature: fc.option(
      awkward.map((s) => Array.from(s).slice(0, 30).join("")),
      { nil: undefined },
    ),
    brand: fc.option(awkward, { nil: undefined }),
    product: fc.option(awkward, { nil: undefined }),
    alreadyAnswered: fc.option(fc.boolean(), { nil: undefined }),
    playbook: fc.constantFrom(...PLAYBOOKS.keys()),
  })
  .map((r): [number, SuggestInput] => [
    r.playbook,
    {
      post: { id: r.id, author: r.author, site: r.site, text: r.text },
      detection: detectionOf(r.lang, r.category, r.severity),
      agentName: r.agentName,
      signature: r.signature,
      brand: r.brand,
      product: r.product,
      alreadyAnswered: r.alreadyAnswered,
    },
  ]);

const withPlaybook = (i: number, x: SuggestInput): SuggestInput => ({ ...x, playbook: PLAYBOOKS[i]?.[1] });

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("suggest properties", { timeout: 120_000 }, () => {
  test("never throws, never exceeds the site's rule, is deterministic, gives 3 valid suggestions", () => {
    fc.assert(
      fc.property(input, ([i, base]) => {
        const x = withPlaybook(i, base);
        const rule = limitFor(x.post.site);
        const out = suggest(x);
        expect(out).toHaveLength(3);
        expect(new Set(out.map((s) => s.text)).size).toBe(3);
        for (const s of out) {
          expect(Suggestion.safeParse(s).success).toBe(true);
          expect(s.maxLength).toBe(rule.max);
          expect(s.length).toBe(rule.measure(s.text));
          expect(s.length).toBeLessThanOrEqual(rule.max);
          expect(s.text.trim()).toBe(s.text);
          expect(s.text).not.toMatch(LONE_SURROGATE);
          expect(s.text).not.toContain("\uFFFD");
        }
        expect(suggest(x)).toEqual(out);
      }),
      { numRuns: 1_500 },
    );
  });

  test("the post's own text never changes the replies (only its id, site and detection do)", () => {
    fc.assert(
      fc.property(input, fc.string({ maxLength: 300 }), ([i, base], other) => {
        const x = withPlaybook(i, base);
        expect(suggest({ ...x, post: { ...x.post, text: other } })).toEqual(suggest(x));
      }),
      { numRuns: 200 },
    );
  });
});
