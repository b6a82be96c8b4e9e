/** POST /v1/sync: what is stored, what is refused and why, what each token reads, and the cursor. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Change, MAX_BATCH, type ServerChange, type SyncResponse } from "@/lib/sync/protocol";
import type { Db } from "@/server/db";
import {
  appFor,
  BACKENDS,
  changes,
  client,
  makeTeam,
  migratedDb,
  OPEN_TIMEOUT_MS,
  replyEntry,
  storedCount,
  type TestTeam,
  title,
} from "./helpers";

const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);

describe.each(BACKENDS)("sync on $name", (backend) => {
  describe.skipIf(backend.skip)(title(backend), () => {
    let db: Db;
    let dispose: () => Promise<void>;
    let api: ReturnType<typeof client>;

    beforeAll(async () => {
      ({ db, dispose } = await migratedDb(backend));
      api = client(appFor(db));
    }, OPEN_TIMEOUT_MS);
    afterAll(async () => dispose?.());

    const lastSeq = async (teamId: string) =>
      (await db.query<{ last_seq: string }>("select last_seq from teams where id = $1", [teamId]))[0]?.last_seq;

    test("a pushed batch is numbered in order, attributed to the token, and pulled back", async () => {
      const t = await makeTeam(db);
      const batch = [changes.reply(), changes.reply(), changes.status("x:1", "posted")];
      const answer = await api.syncOk(t.julie.token, "0", batch);
      expect(answer.accepted).toEqual(ids(batch));
      expect(answer.rejected).toEqual([]);
      expect(answer.changes.map((c) => [c.id, c.seq, c.agentId, c.agentName])).toEqual([
        [batch[0]?.id, "1", t.julie.id, "Julie"],
        [batch[1]?.id, "2", t.julie.id, "Julie"],
        [batch[2]?.id, "3", t.julie.id, "Julie"],
      ]);
      // The data comes back as it was sent.
      expect(answer.changes[0]?.data).toEqual(batch[0]?.data);
      expect(answer.cursor).toBe("3");
      expect(answer.more).toBe(false);
      expect(Math.abs(answer.serverTime - Date.now())).toBeLessThan(60_000);
      expect(await lastSeq(t.teamId)).toBe("3");

      const again = await api.syncOk(t.julie.token, answer.cursor);
      expect(again).toMatchObject({ accepted: [], rejected: [], changes: [], cursor: "3", more: false });
    });

    test("an agent pushing a review or the playbook is refused as forbidden; the rest of the batch lands", async () => {
      const t = await makeTeam(db);
      const reply = changes.reply();
      const review = changes.review(reply.id);
      const playbook = changes.playbook(1);
      const answer = await api.syncOk(t.julie.token, "0", [reply, review, playbook]);
      expect(answer.accepted).toEqual([reply.id]);
      expect(answer.rejected.map((r) => [r.id, r.reason, r.index])).toEqual([
        [review.id, "forbidden", 1],
        [playbook.id, "forbidden", 2],
      ]);
      expect(answer.rejected[0]?.message).toContain("only a manager");
      expect(await storedCount(db, t.teamId)).toBe(1);

      // The same changes from the manager are taken.
      const byManager = await api.syncOk(t.manager.token, "0", [review, playbook]);
      expect(byManager.accepted).toEqual([review.id, playbook.id]);
      expect(await storedCount(db, t.teamId)).toBe(3);
    });

    test("a retried batch is recognised: accepted again, nothing duplicated, the same numbers", async () => {
      const t = await makeTeam(db);
      const batch = [changes.reply(), changes.outcome("r1", 1_000, 500), changes.claim("x:9", "Julie")];
      const first = await api.syncOk(t.julie.token, "0", batch);
      // The answer was lost: the client pushes the same batch from the same cursor.
      const retry = await api.syncOk(t.julie.token, "0", batch);
      expect(retry.accepted).toEqual(first.accepted);
      expect(retry.rejected).toEqual([]);
      expect(retry.changes.map((c) => [c.id, c.seq])).toEqual(first.changes.map((c) => [c.id, c.seq]));
      expect(retry.cursor).toBe(first.cursor);
      expect(await storedCount(db, t.teamId)).toBe(3);
      expect(await lastSeq(t.teamId)).toBe("3");
      const all = await api.pullAll(t.manager.token);
      expect(ids(all.changes)).toEqual(ids(batch));
    });

    test("a known id with another kind or key is a conflict, and stores nothing", async () => {
      const t = await makeTeam(db);
      const status = changes.status("x:1", "posted");
      await api.syncOk(t.julie.token, "0", [status]);
      const sameIdOtherKey: Change = { ...status, key: "x:2" };
      const sameIdOtherKind: Change = { ...changes.claim("x:1", "Julie"), id: status.id };
      const answer = await api.syncOk(t.julie.token, "0", [sameIdOtherKey, sameIdOtherKind]);
      expect(answer.accepted).toEqual([]);
      expect(answer.rejected.map((r) => r.reason)).toEqual(["conflict", "conflict"]);
      expect(answer.rejected[0]?.message).toContain("status");
      expect(await storedCount(db, t.teamId)).toBe(1);
    });

    test("append-only kinds keep one change per key: a new id for a stored key is a duplicate", async () => {
      const t = await makeTeam(db);
      const entry = replyEntry();
      const reply = changes.reply(entry);
      const feedback = changes.feedback("x:42");
      await api.syncOk(t.julie.token, "0", [reply, feedback]);

      const replyAgain: Change = { ...reply, id: `${reply.id}-bis` };
      const feedbackAgain: Change = { ...feedback, id: `${feedback.id}-bis` };
      // Karim too: the key is the team's, not the agent's.
      const answer = await api.syncOk(t.karim.token, "0", [replyAgain, feedbackAgain]);
      expect(answer.accepted).toEqual([]);
      expect(answer.rejected.map((r) => [r.id, r.reason])).toEqual([
        [replyAgain.id, "duplicate"],
        [feedbackAgain.id, "duplicate"],
      ]);
      expect(answer.rejected[0]?.message).toContain(reply.id);

      // Within one batch: the first wins, the second is a duplicate.
      const fresh = changes.reply();
      const twin: Change = { ...fresh, id: `${fresh.id}-twin` };
      const inBatch = await api.syncOk(t.julie.token, "0", [fresh, twin]);
      expect(inBatch.accepted).toEqual([fresh.id]);
      expect(inBatch.rejected.map((r) => [r.id, r.reason])).toEqual([[twin.id, "duplicate"]]);
      expect(await storedCount(db, t.teamId)).toBe(3);

      // Last-writer-wins kinds are not append-only: two statuses for one key both land.
      const s1 = changes.status("x:42", "inserted");
      const s2 = changes.status("x:42", "posted");
      expect((await api.syncOk(t.julie.token, "0", [s1, s2])).accepted).toEqual([s1.id, s2.id]);
    });

    test("last writer wins by server order: the higher sequence is the value, whatever the clients' clocks", async () => {
      const t = await makeTeam(db);
      const key = "x:777";
      // Julie's clock is ahead: her change says it happened later, but Karim's reaches the server last.
      const julie = changes.status(key, "posted", Date.parse("2026-11-22T12:00:00Z"));
      const karim = changes.status(key, "dismissed", Date.parse("2026-11-22T11:00:00Z"));
      await api.syncOk(t.julie.token, "0", [julie]);
      await api.syncOk(t.karim.token, "0", [karim]);
      const { changes: pulled } = await api.pullAll(t.manager.token);
      const forKey = pulled.filter((c) => c.kind === "status" && c.key === key);
      expect(forKey.map((c) => c.id)).toEqual([julie.id, karim.id]);
      expect(BigInt(forKey[1]?.seq ?? "0")).toBeGreaterThan(BigInt(forKey[0]?.seq ?? "0"));
      const value = forKey.reduce((a, b) => (BigInt(b.seq) > BigInt(a.seq) ? b : a));
      expect(value.data).toEqual({ status: "dismissed" });

      // The playbook too: /v1/playbook serves the last one pushed.
      await api.syncOk(t.manager.token, "0", [changes.playbook(1, "first"), changes.playbook(2, "second")]);
      const playbook = await api.get("/v1/playbook", t.julie.token);
      expect(playbook.body).toEqual({ version: 2, playbook: "second" });
    });

    test("entries are keyed by their own id, and only a reply's author (or a manager) records its outcome", async () => {
      const t = await makeTeam(db);
      const reply = changes.reply();
      const shadow: Change = { ...changes.reply(), key: reply.id };
      const first = await api.syncOk(t.julie.token, "0", [reply, shadow]);
      expect(first.accepted).toEqual([reply.id]);
      expect(first.rejected.map((r) => [r.id, r.reason])).toEqual([[shadow.id, "invalid"]]);

      const karimsOutcome = changes.outcome(reply.id, 9, 9);
      const julieOutcome = changes.outcome(reply.id, 7, 7);
      const managerOutcome = changes.outcome(reply.id, 8, 8);
      const byKarim = await api.syncOk(t.karim.token, "0", [karimsOutcome]);
      expect(byKarim.rejected.map((r) => [r.id, r.reason])).toEqual([[karimsOutcome.id, "forbidden"]]);
      expect((await api.syncOk(t.julie.token, "0", [julieOutcome])).accepted).toEqual([julieOutcome.id]);
      expect((await api.syncOk(t.manager.token, "0", [managerOutcome])).accepted).toEqual([managerOutcome.id]);
      // A reply and its outcome in one batch: the outcome knows its author already.
      const fresh = changes.reply();
      const same = await api.syncOk(t.karim.token, "0", [fresh, changes.outcome(fresh.id, 3, 3)]);
      expect(same.rejected).toEqual([]);
    });

    test("what each token reads: a manager everything, an agent its own changes and the team-wide kinds", async () => {
      const t = await makeTeam(db);
      const julieReply = changes.reply();
      const julieOwn = [julieReply, changes.outcome(julieReply.id, 5, 5), changes.feedback("x:5")];
      const julieShared = [changes.claim("x:5", "Julie"), changes.status("x:5", "posted")];
      await api.syncOk(t.julie.token, "0", [...julieOwn, ...julieShared]);
      const karimOwn = [changes.reply()];
      await api.syncOk(t.karim.token, "0", karimOwn);
      const review = changes.review(julieReply.id, "coaching");
      const playbook = changes.playbook(3);
      await api.syncOk(t.manager.token, "0", [review, playbook]);

      const manager = await api.pullAll(t.manager.token);
      expect(ids(manager.changes)).toEqual(ids([...julieOwn, ...julieShared, ...karimOwn, review, playbook]));
      const julie = await api.pullAll(t.julie.token);
      expect(ids(julie.changes)).toEqual(ids([...julieOwn, ...julieShared, playbook]));
      const karim = await api.pullAll(t.karim.token);
      expect(ids(karim.changes)).toEqual(ids([...julieShared, ...karimOwn, playbook]));
      // Everyone's cursor reaches the team's last number, even past changes it cannot read.
      for (const view of [manager, julie, karim]) expect(view.cursor).toBe("8");
    });

    test("cursor paging over 1,200 changes: every change is pulled exactly once, in order", async () => {
      const t = await makeTeam(db);
      const pushed: Change[] = [];
      for (let i = 0; i < 1_200; i++) {
        // One in four is a claim (team-wide), the rest Julie's own outcomes: Karim's pages skip what he cannot read.
        pushed.push(i % 4 === 0 ? changes.claim(`x:${i}`, "Julie") : changes.outcome(`reply-${i}`, i, i));
      }
      for (let i = 0; i < pushed.length; i += MAX_BATCH) {
        const batch = pushed.slice(i, i + MAX_BATCH);
        const answer = await api.syncOk(t.julie.token, "0", batch);
        expect(answer.accepted).toHaveLength(batch.length);
        // A push from cursor 0 pulls at most one page, and says more waits.
        expect(answer.changes.length).toBeLessThanOrEqual(MAX_BATCH);
      }

      const pages: SyncResponse[] = [];
      let cursor = "0";
      do {
        const page = await api.syncOk(t.manager.token, cursor);
        pages.push(page);
        cursor = page.cursor;
      } while (pages[pages.length - 1]?.more && pages.length < 10);
      expect(pages.map((p) => [p.changes.length, p.more, p.cursor])).toEqual([
        [500, true, "500"],
        [500, true, "1000"],
        [200, false, "1200"],
      ]);
      const seen = pages.flatMap((p) => p.changes);
      expect(ids(seen)).toEqual(ids(pushed));
      expect(new Set(ids(seen)).size).toBe(1_200);
      expect(seen.map((c) => Number(c.seq))).toEqual(pushed.map((_, i) => i + 1));

      // Karim reads the 300 claims only; his pages still end at the team's last number.
      const karim = await api.pullAll(t.karim.token);
      expect(ids(karim.changes)).toEqual(ids(pushed.filter((c) => c.kind === "claim")));
      expect(karim.cursor).toBe("1200");
      expect(karim.pages).toBe(1);

      // Paging from the middle.
      const tail = await api.pullAll(t.manager.token, "1150");
      expect(ids(tail.changes)).toEqual(ids(pushed.slice(1_150)));
    });

    test("a cursor past the team's last number (a reset server) reads again from the start", async () => {
      const t = await makeTeam(db);
      const batch = [changes.status("x:1", "posted"), changes.status("x:2", "posted")];
      await api.syncOk(t.julie.token, "0", batch);
      for (const cursor of ["999999", "9999999999999999999"]) {
        const answer = await api.syncOk(t.julie.token, cursor);
        expect(ids(answer.changes)).toEqual(ids(batch));
        expect(answer.cursor).toBe("2");
      }
    });

    test("teams are separate: changes, ids and numbers", async () => {
      const a = await makeTeam(db, "Team A");
      const b = await makeTeam(db, "Team B");
      const shared = changes.status("x:1", "posted");
      const aReply = changes.reply();
      await api.syncOk(a.manager.token, "0", [shared, aReply]);
      // The same change id in team B is another change: accepted, numbered from 1 in B.
      const inB = await api.syncOk(b.julie.token, "0", [shared]);
      expect(inB.accepted).toEqual([shared.id]);
      expect(inB.changes.map((c) => [c.id, c.seq, c.agentId])).toEqual([[shared.id, "1", b.julie.id]]);
      // B's reply with A's reply key is not a duplicate either.
      expect((await api.syncOk(b.julie.token, "0", [aReply])).accepted).toEqual([aReply.id]);

      for (const token of [b.manager.token, b.julie.token, b.karim.token]) {
        const view = await api.pullAll(token);
        expect(view.changes.every((c) => c.agentId !== a.manager.id)).toBe(true);
      }
      const aView = await api.pullAll(a.manager.token);
      expect(aView.changes.map((c) => c.agentId)).toEqual([a.manager.id, a.manager.id]);
    });

    test("concurrent pushes of one team get contiguous numbers, none lost or repeated", async () => {
      const t: TestTeam = await makeTeam(db);
      const tokens = [t.julie.token, t.karim.token, t.manager.token];
      const batches = Array.from({ length: 12 }, () =>
        Array.from({ length: 25 }, (_, i) => changes.status(`x:${i}`, "inserted")),
      );
      const answers = await Promise.all(batches.map((batch, i) => api.syncOk(tokens[i % 3] ?? "", "0", batch)));
      expect(answers.every((a, i) => a.accepted.length === batches[i]?.length)).toBe(true);
      const all = await api.pullAll(t.manager.token);
      expect(all.changes).toHaveLength(300);
      expect(all.changes.map((c) => Number(c.seq))).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
      // Each batch got a contiguous run: a batch commits whole, in one transaction.
      for (const batch of batches) {
        const seqs = batch.map((c) => Number(all.changes.find((s: ServerChange) => s.id === c.id)?.seq));
        expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
      }
    });
  });
});
