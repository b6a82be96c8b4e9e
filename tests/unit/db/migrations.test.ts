import Dexie from "dexie";
import { expect, test } from "vitest";
import { ApaiseDb } from "@/lib/db";
import { buildLogEntry } from "@/lib/db/repo";
import { type Detection, ReplyLogEntry } from "@/lib/schemas";
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

/** A detection as version 1 stored it: before risk and brandDirected existed. */
function v1Detection(d: Detection): Omit<Detection, "risk" | "brandDirected"> {
  const { risk: _risk, brandDirected: _brand, ...rest } = d;
  return rest;
}

test("a version-1 profile upgrades to the current version with every row kept and parseable", async () => {
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
  await v1.table("complaints").put({ ...c, detection: v1Detection(c.detection) });
  await v1.table("replies").put({ ...entry, detection: v1Detection(entry.detection) });
  v1.close();

  const db = new ApaiseDb(name);
  await db.open();
  expect(db.verno).toBe(4);
  const neutral = { ...c.detection, risk: 0, brandDirected: false };
  expect(await db.complaints.get(c.key)).toEqual({ ...c, detection: neutral });
  expect(ReplyLogEntry.parse(await db.replies.get(entry.id))).toEqual({ ...entry, detection: neutral });
  expect(await db.complaints.where({ tabId: c.tabId, status: "new" }).count()).toBe(1);
  expect(await db.feedback.count()).toBe(0);
  // Version 4: the history written before sync is queued for the team, in order.
  const queued = await db.outbox.orderBy("seq").toArray();
  expect(queued.map((r) => `${r.change.kind}:${r.change.key}`)).toEqual([`reply:${entry.id}`]);
  expect(queued[0]?.change.data).toEqual({ ...entry, detection: neutral });
  await db.delete();
});
