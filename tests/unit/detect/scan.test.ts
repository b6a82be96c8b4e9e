import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fold, scanTokens, TOKEN_RE } from "../../../lib/detect/normalize";

/** TOKEN_RE is the specification of the tokeniser: [kind group, start, end] of each match. */
function byRegex(s: string): Array<[number, number, number]> {
  const re = new RegExp(TOKEN_RE.source, "gu");
  const out: Array<[number, number, number]> = [];
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    let group = 1;
    while (group < 7 && m[group] === undefined) group++;
    out.push([group, m.index, m.index + m[0].length]);
  }
  return out;
}

function byScanner(s: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  scanTokens(s, (kind, start, end) => {
    out.push([kind, start, end]);
    return true;
  });
  return out;
}

// TOKEN_* kinds are numbered like TOKEN_RE's groups, except that groups 1–7 are URL, mention, hashtag, word,
// emoji, "!?" run, punctuation and the constants are WORD 1, HASHTAG 2, MENTION 3, URL 4, EMOJI 5, BANG 6, PUNCT 7.
const KIND_OF_GROUP = [0, 4, 3, 2, 1, 5, 6, 7];
const normalised = (tokens: Array<[number, number, number]>) =>
  tokens.map(([g, a, b]) => [KIND_OF_GROUP[g] ?? -1, a, b]);

/** Pieces that exercise every branch: URLs, handles, "'t", dashes between spaces, emoji, astral letters. */
const PIECES = [
  "http://",
  "https://",
  "www.",
  "h",
  "w",
  "@",
  "#",
  "_",
  "'t",
  "'",
  "t",
  " - ",
  "-",
  " ",
  "\u00a0",
  "\n",
  "\t",
  "!",
  "?",
  "!!",
  ".",
  ",",
  '"',
  "(",
  "a",
  "é",
  "e\u0301",
  "1",
  "½",
  "ǅ",
  "中",
  "😡",
  "👍🏽",
  "❤️",
  "©",
  "#️⃣",
  "𝐛",
  "\ud83d",
  "\udc4d",
  "€",
  "’",
];

describe("scanTokens agrees with TOKEN_RE", () => {
  test("on strings made of tricky pieces", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const s = fold(pieces.join(""));
        expect(byScanner(s)).toEqual(normalised(byRegex(s)));
      }),
      { numRuns: 2_000 },
    );
  });

  test("on arbitrary Unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (raw) => {
        const s = fold(raw);
        expect(byScanner(s)).toEqual(normalised(byRegex(s)));
      }),
      { numRuns: 2_000 },
    );
  });

  test("on everyday posts", () => {
    for (const s of [
      "@acme my order #1234 hasn't arrived!!! https://t.co/x don't - ok?",
      "Toujours pas reçu mon colis… 😡 #yenamarre www.exemple.fr",
      "",
    ]) {
      const f = fold(s);
      expect(byScanner(f)).toEqual(normalised(byRegex(f)));
    }
  });

  test("stops when the callback says so", () => {
    const seen: number[] = [];
    scanTokens("a b c d", (_k, start) => {
      seen.push(start);
      return seen.length < 2;
    });
    expect(seen).toEqual([0, 2]);
  });
});
