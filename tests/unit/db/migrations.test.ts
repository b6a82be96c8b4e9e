import Dexie from "dexie";
import { expect, test } from "vitest";
import { ApaiseDb } from "@/lib/db";
import { buildLogEntry } from "@/lib/db/repo";
import { complaint } from "../support/factories";

/** Version 1 as it shipped: the schema is frozen here so the upgrade is tested from what profiles really hold. */
function openV1(name: string): Dexie {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    complaints: "key, tabId, status, detectedAt, lastSeenAt, [tabId+status]",
    replies: "id, site, postId, insertedAt, postedAt, agent",
  });
  return v1;
}

test("a version-1 profile upgrades to the current version with every row kept", async () => {
  const name = "migration-v1";
  const c = complaint();
  const entry = buildLogEntry({
    complaint: c,
    text: "Merci",
    suggestion: null,
    agent: "Julie",
    insertedAt: c.detectedAt + 1,
  });
  const v1 = openV1(name);
  await v1.table("complaints").put(c);
  await v1.table("replies").put(entry);
  v1.close();

  const db = new ApaiseDb(name);
  await db.open();
  expect(db.verno).toBe(2);
  expect(await db.complaints.get(c.key)).toEqual(c);
  expect(await db.replies.get(entry.id)).toEqual(entry);
  expect(await db.complaints.where({ tabId: c.tabId, status: "new" }).count()).toBe(1);
  expect(await db.feedback.count()).toBe(0);
  await db.delete();
});
