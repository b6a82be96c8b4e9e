/**
 * The team's shared playbook over sync. A manager's edit (a new revision in the playbook storage item) is pushed as
 * a `playbook` change; every member adopts the team's latest revision after a sync, if it is valid (an invalid
 * one is refused and the previous stays, as for a local edit).
 */
import type { ApaiseDb } from "../db";
import { enqueue } from "../db/repo";
import type { Playbook } from "../suggest/playbook";
import { getPlaybook, savePlaybook } from "../suggest/store";
import { getMeta } from "./dexie-store";

/** The key of the team's one playbook in the protocol. */
export const PLAYBOOK_KEY = "team";

/**
 * Queue the playbook for the team when this member is a manager and the revision is newer than the team's.
 * Returns whether a change was queued.
 */
export async function publishPlaybook(db: ApaiseDb, playbook: Playbook, at: number): Promise<boolean> {
  return db.transaction("rw", db.outbox, db.syncMeta, async () => {
    const me = await getMeta(db, "me");
    if (me?.role !== "manager") return false;
    const team = await getMeta(db, "playbook");
    if (team && team.version >= playbook.revision) return false;
    const queued = await db.outbox.filter((r) => r.change.kind === "playbook").toArray();
    if (queued.some((r) => r.change.kind === "playbook" && r.change.data.version >= playbook.revision)) return false;
    await enqueue(db, "playbook", PLAYBOOK_KEY, { version: playbook.revision, playbook }, at);
    return true;
  });
}

export type AdoptOutcome = "none" | "current" | "adopted" | { invalid: string[] };

/** After a sync: take the team's playbook when its revision is newer than the one in use. */
export async function adoptTeamPlaybook(db: ApaiseDb): Promise<AdoptOutcome> {
  const team = await getMeta(db, "playbook");
  if (!team) return "none";
  const current = await getPlaybook();
  if (current.revision >= team.version) return "current";
  const result = await savePlaybook(team.playbook, { keepRevision: true });
  return result.ok ? "adopted" : { invalid: result.errors };
}
