/**
 * Suggests replies for posts from a JSONL file: classifies each post with the trained model (as `npm run detect`
 * does), asks the reply engine for its suggestions, and lints each one:
 *
 *   npm run --silent suggest -- --jsonl FILE [--site x] [--playbook FILE] [--agent NAME] [--brand NAME]
 *                                [--signature SIG] [--model FILE | --baseline]
 *
 * Input lines carry at least {"id", "text"}; optionally "author" (the handle), "langAttr" (as a site would give
 * it) and "alreadyAnswered" (true when the customer already got a reply). Output lines are
 * {"id","lang","suggestions":[{"strategy","text","length","lint":[{"rule","level","excerpt"}]}]}: "lang" is the
 * post's detected language, "length" the site's own measure of the reply (X: weighted), "lint" the tone
 * linter's warnings (empty when there is nothing to fix). --site is one of the sites with a length rule (default
 * x); --playbook a team playbook (format 1 or 2) instead of the built-in one.
 *
 * A bad line is reported on stderr with its number and skipped; the others are still processed.
 * Exit codes: 0 done, 1 some lines were bad, 2 bad usage or unreadable input, model or playbook.
 */
import { readFileSync } from "node:fs";
import { detect, loadModelFromBytes, type Model } from "../lib/detect";
import { lintReply } from "../lib/lint";
import { LIMIT_SITE_IDS, limitFor } from "../lib/sites/limits";
import { suggest } from "../lib/suggest";
import { DEFAULT_PLAYBOOK, type Playbook, parsePlaybook } from "../lib/suggest/playbook";
import { MODEL_BIN } from "./detect-data";

const USAGE =
  "usage: suggest --jsonl FILE [--site x] [--playbook FILE] [--agent NAME] [--brand NAME] [--signature SIG] [--model FILE | --baseline]";

function usage(message: string): never {
  console.error(`suggest: ${message}\n${USAGE}`);
  process.exit(2);
}

interface Options {
  file: string;
  site: string;
  playbookFile: string | null;
  modelFile: string | null;
  agent: string;
  brand: string;
  signature: string;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Omit<Options, "file"> & { file: string | null } = {
    file: null,
    site: "x",
    playbookFile: null,
    modelFile: MODEL_BIN,
    agent: "",
    brand: "",
    signature: "",
  };
  const valued: Readonly<Record<string, (v: string) => void>> = {
    "--jsonl": (v) => {
      o.file = v;
    },
    "--site": (v) => {
      o.site = v;
    },
    "--playbook": (v) => {
      o.playbookFile = v;
    },
    "--model": (v) => {
      o.modelFile = v;
    },
    "--agent": (v) => {
      o.agent = v;
    },
    "--brand": (v) => {
      o.brand = v;
    },
    "--signature": (v) => {
      o.signature = v;
    },
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    const set = valued[name ?? ""];
    if (set) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) usage(`${name} needs a value`);
      set(value);
    } else if (arg === "--baseline") o.modelFile = null;
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else usage(`unknown argument ${JSON.stringify(arg)}`);
  }
  if (o.file === null) usage("--jsonl FILE is required");
  if (!(LIMIT_SITE_IDS as readonly string[]).includes(o.site)) {
    usage(`unknown site ${JSON.stringify(o.site)} (one of ${LIMIT_SITE_IDS.join(", ")})`);
  }
  return { ...o, file: o.file };
}

function readOrExit(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    usage(`cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}

const options = parseArgs(process.argv.slice(2));

let model: Model | undefined;
if (options.modelFile !== null) {
  try {
    model = loadModelFromBytes(new Uint8Array(readOrExit(options.modelFile, "model")));
  } catch (error) {
    usage(`${options.modelFile}: ${(error as Error).message} (run npm run train, or pass --baseline)`);
  }
}

let playbook: Playbook = DEFAULT_PLAYBOOK;
if (options.playbookFile !== null) {
  const parsed = parsePlaybook(readOrExit(options.playbookFile, "playbook").toString("utf8"));
  if (!parsed.ok) {
    for (const e of parsed.errors) console.error(`suggest: ${options.playbookFile}: ${e}`);
    usage(`${options.playbookFile} is not a valid playbook (npm run playbook:lint -- FILE says more)`);
  }
  playbook = parsed.playbook;
}

const rule = limitFor(options.site);
const lines = readOrExit(options.file, "input").toString("utf8").split("\n");
const out: string[] = [];
let bad = 0;

/** What is wrong with a parsed line, or null. */
function problemOf(row: unknown): string | null {
  if (row === null || typeof row !== "object" || Array.isArray(row)) return "not a JSON object";
  const { id, text, author, langAttr, alreadyAnswered } = row as Record<string, unknown>;
  if (typeof id !== "string" && typeof id !== "number") return 'missing "id" (string or number)';
  if (typeof text !== "string") return 'missing "text" (string)';
  if (author !== undefined && author !== null && typeof author !== "string") return '"author" must be a string';
  if (langAttr !== undefined && langAttr !== null && typeof langAttr !== "string") return '"langAttr" must be a string';
  if (alreadyAnswered !== undefined && typeof alreadyAnswered !== "boolean")
    return '"alreadyAnswered" must be true or false';
  return null;
}

for (let index = 0; index < lines.length; index++) {
  const raw = lines[index] ?? "";
  if (raw.trim() === "") continue;
  let row: unknown;
  let problem: string | null;
  try {
    row = JSON.parse(raw);
    problem = problemOf(row);
  } catch (error) {
    problem = `invalid JSON (${(error as Error).message})`;
  }
  if (problem !== null) {
    bad++;
    console.error(`suggest: ${options.file}:${index + 1}: ${problem}`);
    continue;
  }
  const { id, text, author, langAttr, alreadyAnswered } = row as {
    id: string | number;
    text: string;
    author?: string | null;
    langAttr?: string | null;
    alreadyAnswered?: boolean;
  };
  const detection = detect(text, { langAttr: langAttr ?? null }, model);
  const suggestions = suggest({
    post: { id: String(id), author: author ?? "", site: options.site, text },
    detection,
    agentName: options.agent,
    brand: options.brand,
    signature: options.signature,
    alreadyAnswered: alreadyAnswered === true,
    playbook,
  }).map((s) => ({
    strategy: s.strategy,
    text: s.text,
    length: s.length,
    lint: lintReply(s.text, {
      postLang: detection.lang,
      severity: detection.severity,
      maxLength: rule.max,
      measure: rule.measure,
    }).map((w) => ({ rule: w.rule, level: w.level, excerpt: w.excerpt })),
  }));
  out.push(JSON.stringify({ id, lang: detection.lang, suggestions }));
  // Write in chunks: one console.log per line is slow on big files.
  if (out.length >= 1_000) process.stdout.write(`${out.splice(0).join("\n")}\n`);
}
if (out.length > 0) process.stdout.write(`${out.join("\n")}\n`);
process.exitCode = bad > 0 ? 1 : 0;
