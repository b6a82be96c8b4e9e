import "@/lib/zod-messages";
import { describe, expect, test } from "vitest";
import { ClassifyResult, parseMessage, ToBackground, ToContent } from "@/lib/messages";
import { detection, post } from "./support/factories";

describe("messages are parsed at the receiver", () => {
  test.each([
    { msg: { type: "complaints/seen", items: [{ post: post(), detection: detection() }], scanned: 20 }, ok: true },
    { msg: { type: "panel/open", key: "x:123" }, ok: true },
    { msg: { type: "posts/classify", items: [post(), post({ id: "2" })] }, ok: true },
    { msg: { type: "posts/classify", items: Array.from({ length: 201 }, () => post()) }, ok: false, error: "items" },
    { msg: { type: "posts/classify", items: [{ ...post(), author: "" }] }, ok: false, error: "items.0.author" },
    { msg: { type: "reply/outcome", logId: "abc", outcome: "posted", at: 1 }, ok: true },
    { msg: { type: "reply/insert", tabId: 3, key: "x:1", text: "Bonjour", suggestion: null }, ok: true },
    { msg: { type: "complaint/dismiss", key: "x:1" }, ok: true },
    { msg: { type: "panel/select", tabId: 3, key: null }, ok: true },
    { msg: { type: "nope" }, ok: false, error: "type" },
    { msg: null, ok: false },
    { msg: { type: "reply/insert", tabId: 3, key: "x:1", text: "", suggestion: null }, ok: false, error: "text" },
    { msg: { type: "reply/outcome", logId: "a", outcome: "maybe", at: 1 }, ok: false, error: "outcome" },
    {
      msg: {
        type: "complaints/seen",
        items: [{ post: { ...post(), url: "javascript:alert(1)" }, detection: detection() }],
        scanned: 1,
      },
      ok: false,
      error: "items.0.post.url",
    },
    {
      msg: {
        type: "complaints/seen",
        items: [{ post: post(), detection: { ...detection(), severity: 7 } }],
        scanned: 1,
      },
      ok: false,
      error: "items.0.detection.severity",
    },
  ])("$msg.type → ok=$ok", ({ msg, ok, error }) => {
    const r = parseMessage(ToBackground, msg);
    expect(r.ok).toBe(ok);
    if (!r.ok && error) expect(r.error).toContain(error);
  });

  test("the background's verdicts, parsed by the content script", () => {
    expect(parseMessage(ClassifyResult, { ok: true, detections: [detection()] }).ok).toBe(true);
    expect(parseMessage(ClassifyResult, { ok: false, error: "no" }).ok).toBe(true);
    const bad = parseMessage(ClassifyResult, { ok: true, detections: [{ ...detection(), score: 2 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain("detections.0.score");
    expect(parseMessage(ClassifyResult, "<html>").ok).toBe(false);
  });

  test("background → content", () => {
    expect(parseMessage(ToContent, { type: "composer/insert", postId: "1", text: "hi", logId: "l" }).ok).toBe(true);
    expect(
      parseMessage(ToContent, { type: "composer/insert", postId: "1", text: "x".repeat(5001), logId: "l" }).ok,
    ).toBe(false);
  });
});
