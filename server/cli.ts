/**
 * `npm run --silent server:admin -- COMMAND`: teams, agents and tokens of the team endpoint's database (the one
 * `npm run server` uses: DATABASE_URL, else APAISE_DATA, else `.apaise-server/`). Tokens are printed once.
 * Exit codes: 0 done, 1 refused (unknown team...), 2 bad usage.
 */
import { parseArgs } from "node:util";
import { ROLES, type Role } from "../lib/sync/protocol";
import { addAgent, createTeam, ensureDemoTeam, listTeam, listTeams, MAX_TEAM_NAME, rotateToken } from "./admin";
import { dbOptionsFromEnv, isMain } from "./config";
import { type Db, openDb } from "./db";
import { migrate } from "./migrations";

export const USAGE = `usage: npm run --silent server:admin -- <command> [--json]

commands:
  create-team NAME                                 make a team (name up to ${MAX_TEAM_NAME} characters)
  add-agent --team ID --name NAME [--role ROLE]    add an agent (ROLE: ${ROLES.join(" or ")}; default agent)
                                                   and print its token, once
  list [--team ID]                                 the teams, or one team's agents
  rotate-token --agent ID                          replace an agent's token (the old one stops working)
  demo                                             make the demo team, or give its agents fresh tokens

options:
  --json    print the result as JSON

database: DATABASE_URL (PostgreSQL), else PGlite in APAISE_DATA (default .apaise-server/ in the repository)`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliOptions {
  io?: CliIo;
  /** Use this database (left open) instead of opening the one the environment names. */
  db?: Db;
}

const consoleIo: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Run one admin command; resolves to the process exit code. */
export async function runCli(argv: readonly string[], options: CliOptions = {}): Promise<number> {
  const io = options.io ?? consoleIo;
  let command: Command;
  try {
    command = parse(argv);
  } catch (error) {
    io.err(`error: ${(error as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  if (command.kind === "help") {
    io.out(USAGE);
    return 0;
  }
  let db = options.db;
  try {
    if (!db) {
      db = await openDb(dbOptionsFromEnv());
      await migrate(db);
    }
    await execute(command, db, io);
    return 0;
  } catch (error) {
    io.err(`error: ${(error as Error).message}`);
    return 1;
  } finally {
    if (db && !options.db) await db.close();
  }
}

/** A command with its arguments checked: bad usage is found before any database is opened. */
type Command = { json: boolean } & (
  | { kind: "help" }
  | { kind: "create-team"; name: string }
  | { kind: "add-agent"; team: string; name: string; role: Role }
  | { kind: "list"; team: string | undefined }
  | { kind: "rotate-token"; agent: string }
  | { kind: "demo" }
);

function parse(argv: readonly string[]): Command {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      team: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      agent: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...rest] = positionals;
  const json = values.json ?? false;
  if (values.help || command === "help") return { kind: "help", json };
  if (!command) throw new Error("no command given");
  const need = (value: string | undefined, option: string): string => {
    if (value === undefined || value.trim() === "") throw new Error(`${command} needs ${option}`);
    return value;
  };
  const allow = (...names: (keyof typeof values)[]) => {
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined && name !== "json" && name !== "help" && !names.includes(name as keyof typeof values)) {
        throw new Error(`${command} takes no --${name}`);
      }
    }
    if (command !== "create-team" && rest.length > 0) throw new Error(`${command} takes no argument ${rest[0]}`);
  };
  switch (command) {
    case "create-team": {
      allow();
      const name = rest.join(" ");
      if (!name.trim()) throw new Error("create-team needs a NAME");
      return { kind: command, name, json };
    }
    case "add-agent": {
      allow("team", "name", "role");
      const role = values.role ?? "agent";
      if (!(ROLES as readonly string[]).includes(role))
        throw new Error(`--role must be ${ROLES.join(" or ")}, not ${role}`);
      return {
        kind: command,
        team: need(values.team, "--team ID"),
        name: need(values.name, "--name NAME"),
        role: role as Role,
        json,
      };
    }
    case "list":
      allow("team");
      return { kind: command, team: values.team === undefined ? undefined : need(values.team, "--team ID"), json };
    case "rotate-token":
      allow("agent");
      return { kind: command, agent: need(values.agent, "--agent ID"), json };
    case "demo":
      allow();
      return { kind: command, json };
    default:
      throw new Error(`unknown command ${command}`);
  }
}

async function execute(command: Command, db: Db, io: CliIo): Promise<void> {
  const print = (json: unknown, lines: string[]) => {
    if (command.json) io.out(JSON.stringify(json, null, 2));
    else for (const line of lines) io.out(line);
  };
  switch (command.kind) {
    case "help":
      io.out(USAGE);
      return;
    case "create-team": {
      const team = await createTeam(db, command.name);
      print(team, [
        `Created team "${team.name}" (id ${team.id}).`,
        `Next: npm run --silent server:admin -- add-agent --team ${team.id} --name NAME --role manager`,
      ]);
      return;
    }
    case "add-agent": {
      const { team, role } = command;
      const name = command.name.trim();
      const agent = await addAgent(db, team, name, role);
      print({ ...agent, teamId: team, name, role }, [
        `Added ${role} "${name}" (id ${agent.id}) to team ${team}.`,
        "Token (shown once; the server keeps only its hash). Paste it in the extension's team sync settings:",
        agent.token,
      ]);
      return;
    }
    case "list": {
      if (command.team === undefined) {
        const teams = await listTeams(db);
        print(
          teams,
          teams.length === 0
            ? ["No team yet: npm run --silent server:admin -- create-team NAME"]
            : teams.map((t) => `${t.id}  ${t.name}  (${t.agents} agent${t.agents === 1 ? "" : "s"})`),
        );
        return;
      }
      const listing = await listTeam(db, command.team);
      print(listing, [
        `Team "${listing.team.name}" (id ${listing.team.id}), ${listing.team.lastSeq} changes`,
        ...(listing.agents.length === 0
          ? ["  no agent yet"]
          : listing.agents.map(
              (a) => `  ${a.id}  ${a.role.padEnd(7)}  ${a.name}  (${a.changes} change${a.changes === 1 ? "" : "s"})`,
            )),
      ]);
      return;
    }
    case "rotate-token": {
      const token = await rotateToken(db, command.agent);
      print({ id: command.agent, token }, [
        `New token for ${command.agent} (shown once; the old one no longer works):`,
        token,
      ]);
      return;
    }
    case "demo": {
      const demo = await ensureDemoTeam(db);
      print(demo, [
        `Demo team ${demo.teamId} (fresh tokens; earlier ones no longer work):`,
        `  manager ${demo.manager.id}: ${demo.manager.token}`,
        ...demo.agents.map((a) => `  agent ${a.id} (${a.name}): ${a.token}`),
      ]);
      return;
    }
  }
}

if (isMain(import.meta.url)) {
  process.exitCode = await runCli(process.argv.slice(2));
}
