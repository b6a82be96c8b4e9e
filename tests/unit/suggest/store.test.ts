import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, expect, test } from "vitest";
import { fakeBrowser } from "wxt/testing";
import { DEFAULT_PLAYBOOK, type Playbook } from "../../../lib/suggest/playbook";
import { getPlaybook, playbookItem, resetPlaybook, savePlaybook, watchPlaybook } from "../../../lib/suggest/store";

const V1 = readFileSync(path.join(import.meta.dirname, "fixtures/playbook-v1.json"), "utf8");
const NOW = Date.parse("2026-11-22T10:00:00.000Z");

beforeEach(() => fakeBrowser.reset());

const tuPlaybook = (): Playbook => ({
  ...DEFAULT_PLAYBOOK,
  voice: { formality: "tu", emoji: true, signature: "^ACME" },
});

test("the built-in playbook when nothing is stored", async () => {
  expect(await playbookItem.getValue()).toBeNull();
  expect(await getPlaybook()).toBe(DEFAULT_PLAYBOOK);
});

test("a valid playbook is stored as the next revision, with time and author", async () => {
  const first = await savePlaybook(JSON.stringify(tuPlaybook()), { updatedBy: "Julie", now: NOW });
  expect(first.ok).toBe(true);
  const stored = await getPlaybook();
  expect(stored.voice).toEqual({ formality: "tu", emoji: true, signature: "^ACME" });
  expect(stored.revision).toBe(1);
  expect(stored.updatedAt).toBe("2026-11-22T10:00:00.000Z");
  expect(stored.updatedBy).toBe("Julie");
  // A later save continues from the stored revision, even from an older file.
  await savePlaybook(DEFAULT_PLAYBOOK, { updatedBy: "Marc", now: NOW + 60_000 });
  expect((await getPlaybook()).revision).toBe(2);
  await savePlaybook({ ...DEFAULT_PLAYBOOK, revision: 9 }, { now: NOW });
  expect((await getPlaybook()).revision).toBe(10);
});

test("an invalid playbook is refused with its errors; nothing is stored, the previous one stays", async () => {
  await savePlaybook(tuPlaybook(), { now: NOW });
  const before = await playbookItem.getValue();
  const broken = structuredClone(tuPlaybook());
  broken.strategies["concrete-fix"].fr.variants = [];
  const result = await savePlaybook(JSON.stringify(broken));
  expect(result).toEqual({
    ok: false,
    errors: ["strategies.concrete-fix.fr.variants: is empty: give at least one template"],
  });
  expect(await playbookItem.getValue()).toEqual(before);
  expect((await getPlaybook()).voice.formality).toBe("tu");
  expect(await savePlaybook("{ not json")).toMatchObject({ ok: false });
  expect(await playbookItem.getValue()).toEqual(before);
});

test("a format-1 file is migrated on save; a format-1 value already in storage is migrated on read", async () => {
  const saved = await savePlaybook(V1, { now: NOW });
  expect(saved).toMatchObject({ ok: true, migratedFrom: 1 });
  expect((await playbookItem.getValue()) as { schemaVersion: number }).toMatchObject({ schemaVersion: 2 });
  await playbookItem.setValue(JSON.parse(V1));
  const read = await getPlaybook();
  expect(read.schemaVersion).toBe(2);
  expect(Object.keys(read.strategies)).toContain("hand-off");
});

test("a corrupted stored value falls back to the built-in playbook instead of breaking the side panel", async () => {
  await playbookItem.setValue({ schemaVersion: 2, strategies: "nope" });
  expect(await getPlaybook()).toBe(DEFAULT_PLAYBOOK);
});

test("keepRevision stores a team playbook as received (what sync will do)", async () => {
  const team = { ...tuPlaybook(), revision: 42, updatedAt: "2026-11-01T08:00:00Z", updatedBy: "Lead" };
  await savePlaybook(team, { keepRevision: true });
  const stored = await getPlaybook();
  expect([stored.revision, stored.updatedAt, stored.updatedBy]).toEqual([42, "2026-11-01T08:00:00Z", "Lead"]);
});

test("reset stores the built-in playbook as a new revision; watchers see every change", async () => {
  const seen: number[] = [];
  const unwatch = watchPlaybook((p) => seen.push(p.revision));
  await savePlaybook(tuPlaybook(), { now: NOW });
  const reset = await resetPlaybook({ updatedBy: "Julie", now: NOW });
  expect(reset.ok && reset.playbook.voice).toEqual(DEFAULT_PLAYBOOK.voice);
  expect(reset.ok && reset.playbook.revision).toBe(2);
  await new Promise((r) => setTimeout(r, 10));
  unwatch();
  expect(seen).toEqual([1, 2]);
});
