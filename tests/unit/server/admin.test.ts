/** The database layer, migrations, team administration and its CLI. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AdminError, addAgent, createTeam, DEMO_TEAM_ID, ensureDemoTeam, listTeam, rotateToken } from "@/server/admin";
import { runCli } from "@/server/cli";
import { REPO_ROOT } from "@/server/config";
import type { Db } from "@/server/db";
import { appliedMigrations, MIGRATIONS, type Migration, migrate } from "@/server/migrations";
import { appFor, BACKENDS, client, expectError, OPEN_TIMEOUT_MS, title } from "./helpers";

const TOKEN = /^apt_[A-Za-z0-9_-]{43}$/;

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe.each(BACKENDS)("database and admin on $name", (backend) => {
  describe.skipIf(backend.skip)(title(backend), () => {
    let db: Db;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      ({ db, dispose } = await backend.open());
    }, OPEN_TIMEOUT_MS);
    afterAll(async () => dispose?.());

    test("migrate applies every migration once; running it again changes nothing", async () => {
      expect(await appliedMigrations(db)).toEqual([]);
      expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      expect(await Promise.all([migrate(db), migrate(db)])).toEqual([[], []]);
      expect(await appliedMigrations(db)).toEqual(MIGRATIONS.map((m) => m.version));
      const tables = await db.query<{ name: string }>(
        `select table_name as name from information_schema.tables
         where table_schema = current_schema() order by table_name`,
      );
      expect(tables.map((t) => t.name)).toEqual(["agents", "changes", "schema_migrations", "teams"]);
      const indexes = await db.query<{ name: string }>(
        "select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'changes'",
      );
      expect(indexes.map((i) => i.name)).toContain("changes_append_only");
    });

    test("a failing migration is rolled back whole and not recorded; a newer schema is refused", async () => {
      const broken: Migration = {
        version: MIGRATIONS.length + 1,
        name: "broken on purpose",
        statements: ["create table half_done (a int)", "select no_such_column from teams"],
      };
      await expect(migrate(db, [...MIGRATIONS, broken])).rejects.toThrow(/broken on purpose.*nothing of it/);
      expect(await appliedMigrations(db)).toEqual(MIGRATIONS.map((m) => m.version));
      const half = await db.query("select to_regclass('half_done')::text as t");
      expect(half[0]).toEqual({ t: null });

      await expect(migrate(db, [MIGRATIONS[0] as Migration, { ...broken, version: 3 }])).rejects.toThrow(
        /version 3, expected 2/,
      );

      await db.query("insert into schema_migrations (version, name, applied_at) values (99, 'from the future', 0)");
      try {
        await expect(migrate(db)).rejects.toThrow(/version 99, newer than this server knows/);
      } finally {
        await db.query("delete from schema_migrations where version = 99");
      }
    });

    test("transactions commit, roll back on a throw, and nest as savepoints", async () => {
      await db.query("create table tx_probe (v int)");
      await db.transaction(async (tx) => {
        await tx.query("insert into tx_probe values (1)");
      });
      await expect(
        db.transaction(async (tx) => {
          await tx.query("insert into tx_probe values (2)");
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      await db.transaction(async (tx) => {
        await tx.query("insert into tx_probe values (3)");
        await expect(
          tx.transaction(async (inner) => {
            await inner.query("insert into tx_probe values (4)");
            await inner.query("select no_such_column from tx_probe");
          }),
        ).rejects.toThrow();
        // The outer transaction goes on after the inner one failed.
        await tx.transaction(async (inner) => inner.query("insert into tx_probe values (5)"));
      });
      const rows = await db.query<{ v: number }>("select v from tx_probe order by v");
      expect(rows.map((r) => r.v)).toEqual([1, 3, 5]);
      await db.query("drop table tx_probe");
    });

    test("tokens are apt_ + 32 random bytes, stored only as their SHA-256", async () => {
      const team = await createTeam(db, "  Hashing team  ");
      expect(team.name).toBe("Hashing team");
      const a = await addAgent(db, team.id, "Julie");
      const b = await addAgent(db, team.id, "Camille", "manager");
      expect(a.token).toMatch(TOKEN);
      expect(b.token).toMatch(TOKEN);
      expect(a.token).not.toBe(b.token);
      const rows = await db.query<{ id: string; token_hash: string; role: string }>(
        "select id, token_hash, role from agents where team_id = $1 order by role",
        [team.id],
      );
      expect(rows.map((r) => [r.id, r.role])).toEqual([
        [a.id, "agent"],
        [b.id, "manager"],
      ]);
      expect(rows[0]?.token_hash).toBe(createHash("sha256").update(a.token).digest("hex"));
      // The plaintext is nowhere in the database.
      const dump = await db.query<{ row: string }>("select row_to_json(a)::text as row from agents a");
      const everything = dump.map((r) => r.row).join("\n");
      for (const token of [a.token, b.token]) {
        expect(everything).not.toContain(token);
        expect(everything).not.toContain(token.slice(4));
      }
    });

    test("admin refusals have clear messages", async () => {
      await expect(createTeam(db, "   ")).rejects.toThrow(new AdminError("the team name is empty"));
      await expect(createTeam(db, "x".repeat(201))).rejects.toThrow(/longer than 200/);
      const team = await createTeam(db, "Refusals");
      await expect(addAgent(db, "team_nope", "Julie")).rejects.toThrow("no team with id team_nope");
      await expect(addAgent(db, team.id, "")).rejects.toThrow("the agent name is empty");
      await expect(addAgent(db, team.id, "x".repeat(101))).rejects.toThrow(/longer than 100/);
      await expect(addAgent(db, team.id, "Julie", "boss" as "agent")).rejects.toThrow(/unknown role boss/);
      await expect(rotateToken(db, "agt_nope")).rejects.toThrow("no agent with id agt_nope");
      await expect(listTeam(db, "team_nope")).rejects.toThrow("no team with id team_nope");
    });

    test("ensureDemoTeam makes the demo team once, then rotates its tokens", async () => {
      const api = client(appFor(db));
      const first = await ensureDemoTeam(db);
      expect(first.teamId).toBe(DEMO_TEAM_ID);
      expect(first.agents.map((a) => a.name)).toEqual(["Julie", "Karim"]);
      for (const token of [first.manager.token, ...first.agents.map((a) => a.token)]) expect(token).toMatch(TOKEN);
      const me = await api.get("/v1/me", first.manager.token);
      expect(me.body).toMatchObject({ team: { id: "demo" }, agent: { id: first.manager.id, role: "manager" } });

      const second = await ensureDemoTeam(db);
      expect(second.manager.id).toBe(first.manager.id);
      expect(second.agents.map((a) => a.id)).toEqual(first.agents.map((a) => a.id));
      expect(second.manager.token).not.toBe(first.manager.token);
      expectError(await api.get("/v1/me", first.manager.token), 401, "unauthorized");
      expectError(await api.get("/v1/me", first.agents[0]?.token), 401, "unauthorized");
      expect((await api.get("/v1/me", second.agents[0]?.token)).status).toBe(200);
      const listing = await listTeam(db, DEMO_TEAM_ID);
      expect(listing.agents).toHaveLength(3);
    });

    test("rotateToken: the old token stops working at once", async () => {
      const api = client(appFor(db));
      const team = await createTeam(db, "Rotation");
      const agent = await addAgent(db, team.id, "Julie");
      const fresh = await rotateToken(db, agent.id);
      expectError(await api.get("/v1/me", agent.token), 401, "unauthorized");
      expect((await api.get("/v1/me", fresh)).status).toBe(200);
    });

    describe("the admin CLI", () => {
      test("create-team, add-agent, list, rotate-token, demo", async () => {
        const c1 = captureIo();
        expect(await runCli(["create-team", "Care", "FR"], { io: c1.io, db })).toBe(0);
        const teamId = /id (team_[A-Za-z0-9_-]+)/.exec(c1.out.join("\n"))?.[1];
        expect(c1.out[0]).toContain('Created team "Care FR"');
        expect(teamId).toBeDefined();

        const c2 = captureIo();
        const addArgs = ["add-agent", "--team", teamId ?? "", "--name", "Camille", "--role", "manager"];
        expect(await runCli(addArgs, { io: c2.io, db })).toBe(0);
        const token = c2.out.find((l) => TOKEN.test(l));
        expect(token).toBeDefined();
        expect(c2.out.join("\n")).toMatch(/shown once/);
        const me = await client(appFor(db)).get("/v1/me", token);
        expect(me.body).toMatchObject({ team: { id: teamId, name: "Care FR" }, agent: { name: "Camille" } });

        const c3 = captureIo();
        expect(
          await runCli(["add-agent", "--team", teamId ?? "", "--name", "Julie", "--json"], { io: c3.io, db }),
        ).toBe(0);
        const julie = JSON.parse(c3.out.join("\n")) as { id: string; token: string; role: string };
        expect(julie).toMatchObject({ role: "agent", teamId, name: "Julie", token: expect.stringMatching(TOKEN) });

        const c4 = captureIo();
        expect(await runCli(["list", "--team", teamId ?? ""], { io: c4.io, db })).toBe(0);
        expect(c4.out[0]).toContain('Team "Care FR"');
        expect(c4.out.slice(1).map((l) => l.trim().split(/\s+/).slice(0, 3))).toEqual([
          [expect.stringMatching(/^agt_/), "manager", "Camille"],
          [julie.id, "agent", "Julie"],
        ]);
        // Tokens are never listed.
        expect(c4.out.join("\n")).not.toContain("apt_");

        const c5 = captureIo();
        expect(await runCli(["list"], { io: c5.io, db })).toBe(0);
        expect(c5.out.some((l) => l.startsWith(`${teamId}  Care FR  (2 agents)`))).toBe(true);

        const c6 = captureIo();
        expect(await runCli(["rotate-token", "--agent", julie.id], { io: c6.io, db })).toBe(0);
        expect(c6.out[1]).toMatch(TOKEN);
        expect(c6.out[1]).not.toBe(julie.token);

        const c7 = captureIo();
        expect(await runCli(["demo", "--json"], { io: c7.io, db })).toBe(0);
        expect(JSON.parse(c7.out.join("\n"))).toMatchObject({ teamId: "demo", manager: { id: "demo-manager" } });
      });

      test("bad usage exits 2 with the usage; a refused operation exits 1 with its reason", async () => {
        const usage: string[][] = [
          [],
          ["frobnicate"],
          ["create-team"],
          ["add-agent", "--name", "Julie"],
          ["add-agent", "--team", "t"],
          ["add-agent", "--team", "t", "--name", "J", "--role", "boss"],
          ["add-agent", "--team", "t", "--name", "J", "--colour", "red"],
          ["list", "extra"],
          ["rotate-token"],
          ["list", "--team"],
        ];
        for (const argv of usage) {
          const c = captureIo();
          expect(await runCli(argv, { io: c.io, db }), argv.join(" ")).toBe(2);
          expect(c.err[0], argv.join(" ")).toMatch(/^error: /);
          expect(c.err.join("\n")).toContain("usage: npm run --silent server:admin");
          expect(c.out).toEqual([]);
        }
        const refused = captureIo();
        expect(await runCli(["add-agent", "--team", "team_nope", "--name", "Julie"], { io: refused.io, db })).toBe(1);
        expect(refused.err).toEqual(["error: no team with id team_nope"]);
        const help = captureIo();
        expect(await runCli(["--help"], { io: help.io, db })).toBe(0);
        expect(help.out[0]).toContain("usage:");
      });
    });
  });
});

test("npm run server:admin: a real process exits 2 on bad usage, before opening any database", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "server/cli.ts", "add-agent", "--name", "Julie"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, APAISE_DATA: "memory://", DATABASE_URL: "" },
    timeout: 30_000,
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("error: add-agent needs --team ID");
  expect(r.stdout).toBe("");
}, 30_000);
