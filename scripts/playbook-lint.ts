/**
 * Validates a reply playbook and lints every template the way agents will meet it:
 *
 *   npm run --silent playbook:lint -- FILE
 *
 * FILE is a playbook in format 2, or 1 (read and migrated). An invalid playbook: one line per problem on stderr,
 * naming the field ("strategies.concrete-fix.fr.variants[2][0].text: unknown placeholder {prodcut} (did you
 * mean {product}?)"). A valid one: every template is rendered in its language, in both French voices, for every
 * category and fragment, with and without agent, brand and signature, prompts filled with their examples, and
 * linted at the strictest severity (lib/suggest/check.ts); each finding goes to stderr with its path, and a
 * one-line summary to stdout.
 *
 * Exit codes: 0 valid and no blocking finding (warnings allowed), 1 invalid or a blocking finding, 2 bad usage
 * or unreadable file.
 */
import { readFileSync } from "node:fs";
import { checkPlaybook } from "../lib/suggest/check";
import { PLAYBOOK_STRATEGIES, parsePlaybook } from "../lib/suggest/playbook";

const USAGE = "usage: playbook:lint FILE";

function usage(message: string): never {
  console.error(`playbook:lint: ${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.find((a) => a.startsWith("--"));
if (unknown) usage(`unknown option ${unknown}`);
if (args.length !== 1) usage("exactly one FILE is required");
const file = args[0] as string;

let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  usage(`cannot read ${file}: ${(error as Error).message}`);
}

const parsed = parsePlaybook(text);
if (!parsed.ok) {
  for (const e of parsed.errors) console.error(`${file}: ${e}`);
  console.error(`${file}: invalid playbook (${parsed.errors.length} problem${parsed.errors.length === 1 ? "" : "s"})`);
  process.exit(1);
}

const { playbook, migratedFrom } = parsed;
const check = checkPlaybook(playbook);
for (const p of check.problems) {
  const excerpt = p.excerpt ? ` ${JSON.stringify(p.excerpt)}` : "";
  console.error(`${file}: ${p.path}: ${p.level} ${p.rule}${excerpt}: ${p.message.en} (${p.where})`);
}
const blocking = check.problems.filter((p) => p.level === "block").length;
const warnings = check.problems.length - blocking;
const format = migratedFrom ? `format ${migratedFrom}, migrated to 2` : "format 2";
const n = (x: number) => x.toLocaleString("en-US");
const summary = `${file}: ${blocking > 0 ? "playbook with blocking lint findings" : "valid playbook"} (${format}, revision ${playbook.revision}): ${PLAYBOOK_STRATEGIES.length} strategies, ${check.templates} templates, ${playbook.remedies.length} remedies; ${n(check.renders)} renders linted, ${blocking} blocking, ${warnings} warning${warnings === 1 ? "" : "s"}`;
if (blocking > 0) {
  console.error(summary);
  process.exit(1);
}
console.log(summary);
