/** The team's playbook over sync: a manager publishes newer revisions, everyone adopts the team's valid latest. */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { fakeBrowser } from "wxt/testing";
import "@/lib/zod-messages";
import { ApaiseDb } from "@/lib/db";
import { DEFAULT_PLAYBOOK } from "@/lib/suggest/playbook";
import { getPlaybook, savePlaybook } from "@/lib/suggest/store";
import { setMeta } from "@/lib/sync/dexie-store";
import { adoptTeamPlaybook, publishPlaybook } from "@/lib/sync/playbook";

let db: ApaiseDb;
let n = 0;
const me = (role: "agent" | "manager") => ({
  teamId: "t",
  teamName: "Acme",
  agentId: "a",
  agentName: "Ana",
  role,
  endpoint: "http://localhost:8787",
});
beforeEach(() => {
  fakeBrowser.reset();
  db = new ApaiseDb(`playbook-sync-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const T = Date.parse("2026-11-22T10:00:00Z");

describe("publishing", () => {
  test("a manager's newer revision is queued once; an agent's never", async () => {
    const edited = { ...DEFAULT_PLAYBOOK, revision: 3 };
    await setMeta(db, "me", me("agent"));
    expect(await publishPlaybook(db, edited, T)).toBe(false);
    await setMeta(db, "me", me("manager"));
    expect(await publishPlaybook(db, edited, T)).toBe(true);
    expect(await publishPlaybook(db, edited, T + 1)).toBe(false);
    const [row] = await db.outbox.toArray();
    expect(row?.change).toMatchObject({ kind: "playbook", key: "team", data: { version: 3 } });
  });

  test("nothing is published when the team already has this revision or a newer one", async () => {
    await setMeta(db, "me", me("manager"));
    await setMeta(db, "playbook", { version: 4, playbook: DEFAULT_PLAYBOOK, seq: 9, at: T });
    expect(await publishPlaybook(db, { ...DEFAULT_PLAYBOOK, revision: 4 }, T)).toBe(false);
    expect(await publishPlaybook(db, { ...DEFAULT_PLAYBOOK, revision: 5 }, T)).toBe(true);
  });
});

describe("adopting", () => {
  test("a newer valid team playbook replaces ours; an older one does not", async () => {
    expect(await adoptTeamPlaybook(db)).toBe("none");
    const team = {
      ...DEFAULT_PLAYBOOK,
      revision: 7,
      updatedBy: "Ana",
      voice: { ...DEFAULT_PLAYBOOK.voice, formality: "tu" as const },
    };
    await setMeta(db, "playbook", { version: 7, playbook: team, seq: 12, at: T });
    expect(await adoptTeamPlaybook(db)).toBe("adopted");
    const now = await getPlaybook();
    expect(now.revision).toBe(7);
    expect(now.voice.formality).toBe("tu");
    expect(await adoptTeamPlaybook(db)).toBe("current");
  });

  test("an invalid team playbook is refused with the field named, and ours stays", async () => {
    await savePlaybook({ ...DEFAULT_PLAYBOOK, revision: 2 }, { keepRevision: true });
    const broken = { ...DEFAULT_PLAYBOOK, revision: 9, voice: { formality: "familier" } };
    await setMeta(db, "playbook", { version: 9, playbook: broken, seq: 3, at: T });
    const outcome = await adoptTeamPlaybook(db);
    expect(typeof outcome).toBe("object");
    expect(JSON.stringify(outcome)).toContain("voice");
    expect((await getPlaybook()).revision).toBe(2);
  });
});
