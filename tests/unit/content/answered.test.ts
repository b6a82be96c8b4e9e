import { describe, expect, test } from "vitest";
import { brandAnswers, brandHandleSet, type ThreadPost } from "@/lib/content/answered";

const p = (id: string, author: string, text = "", complaint = false): ThreadPost => ({ id, author, text, complaint });
const flat = () => false;

describe("brandHandleSet", () => {
  test.each([
    [
      ["@Acme", "acme_help", " AcmeFR "],
      ["acme", "acme_help", "acmefr"],
    ],
    [["", "@"], []],
    [[], []],
  ])("%j → %j", (input, expected) => {
    expect([...brandHandleSet(input)].sort()).toEqual([...expected].sort());
  });
});

describe("brandAnswers", () => {
  const brand = brandHandleSet(["AcmeHelp", "@Acme"]);

  test.each<{
    name: string;
    posts: ThreadPost[];
    conversation: boolean;
    nest?: Array<[number, number]>;
    want: Record<string, string>;
  }>([
    {
      name: "a conversation page: the brand's reply answers the first post",
      posts: [
        p("1", "sam", "my parcel never came", true),
        p("2", "pat", "same here"),
        p("3", "AcmeHelp", "Sorry Sam, DM us"),
      ],
      conversation: true,
      want: { "1": "AcmeHelp" },
    },
    {
      name: "…but not other customers' complaints further down",
      posts: [p("1", "sam", "late again", true), p("2", "pat", "mine too, awful", true), p("3", "acmehelp", "On it")],
      conversation: true,
      want: { "1": "acmehelp" },
    },
    {
      name: "a timeline: no conversation, no mention, nothing answered",
      posts: [p("1", "sam", "late again", true), p("2", "AcmeHelp", "New offers this week")],
      conversation: false,
      want: {},
    },
    {
      name: "a reply that names the author answers them, on any page",
      posts: [
        p("1", "sam", "late again", true),
        p("2", "pat", "broken", true),
        p("3", "Acme", "@pat we are sorry, DM us"),
      ],
      conversation: false,
      want: { "2": "Acme" },
    },
    {
      name: "a mention must be the whole handle",
      posts: [p("1", "pat", "broken", true), p("2", "Acme", "@patrick hello")],
      conversation: false,
      want: {},
    },
    {
      name: "a Mastodon-style mention with the instance counts",
      posts: [p("1", "pat", "broken", true), p("2", "Acme", "@PAT@piaille.fr bonjour, on regarde")],
      conversation: false,
      want: { "1": "Acme" },
    },
    {
      name: "nested comments: the brand's comment inside a complaint's comment answers that one",
      posts: [
        p("t", "op", "question about prices"),
        p("c1", "sam", "charged twice!!", true),
        p("c2", "AcmeHelp", "refund on its way"),
        p("c3", "pat", "still no refund", true),
      ],
      conversation: true,
      nest: [[1, 2]],
      want: { c1: "AcmeHelp" },
    },
    {
      name: "a brand reply above the complaint answers nothing",
      posts: [p("1", "AcmeHelp", "@sam hello"), p("2", "sam", "no answer from you", true)],
      conversation: true,
      want: {},
    },
    {
      name: "a brand post is never 'answered' by another brand post",
      posts: [p("1", "Acme", "outage today", true), p("2", "AcmeHelp", "@Acme yes")],
      conversation: true,
      want: {},
    },
    {
      name: "non-complaints are not reported",
      posts: [p("1", "sam", "love it"), p("2", "AcmeHelp", "@sam thanks!")],
      conversation: true,
      want: {},
    },
  ])("$name", ({ posts, conversation, nest = [], want }) => {
    const nested = (a: number, b: number) => nest.some(([o, i]) => o === a && i === b);
    const got = brandAnswers(posts, brand, nested, conversation);
    expect(Object.fromEntries([...got].map(([id, a]) => [id, a.by]))).toEqual(want);
    for (const [, a] of got) expect(posts.some((post) => post.id === a.replyId && post.author === a.by)).toBe(true);
  });

  test("no brand handle set: nothing is answered", () => {
    expect(brandAnswers([p("1", "sam", "x", true), p("2", "AcmeHelp", "@sam")], new Set(), flat, true).size).toBe(0);
  });
});
