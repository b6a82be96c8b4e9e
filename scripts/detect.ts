/**
 * Classifies posts from a JSONL file with the trained model, one JSON line out per line in:
 *
 *   npm run --silent detect -- --jsonl FILE [--eval] [--model FILE | --baseline]
 *
 * Input lines carry at least {"id", "text"} (and optionally "langAttr", as a site would give it). Output lines are
 * {"id","complaint","score","severity","category","lang","reasons","risk"}. With --eval, lines that also carry
 * "label" (1 or 0) are scored, and a last line gives {"n","accuracy","precision","recall","f1","macroF1",
 * "usPerPost"}: µs per detect call in steady state, timed over extra passes on the same texts once the first pass
 * has warmed V8 up (the first calls of a process run unoptimised code and say nothing of the detector's cost).
 * The model is public/model/detect-v1.bin unless --model names another file; --baseline uses the lexicon alone.
 *
 * A bad line is reported on stderr with its number and skipped; the others are still processed.
 * Exit codes: 0 done, 1 some lines were bad, 2 bad usage or unreadable input/model.
 */
import { readFileSync } from "node:fs";
import { detect, loadModelFromBytes, type Model } from "../lib/detect";
import { binaryMetrics } from "../lib/detect/train";
import { MODEL_BIN } from "./detect-data";

const USAGE = "usage: detect --jsonl FILE [--eval] [--model FILE | --baseline]";

function usage(message: string): never {
  console.error(`detect: ${message}\n${USAGE}`);
  process.exit(2);
}

interface Options {
  file: string;
  evaluate: boolean;
  modelFile: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  let file: string | null = null;
  let evaluate = false;
  let modelFile: string | null = MODEL_BIN;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--jsonl" || arg === "--model") {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--")) usage(`${arg} needs a file`);
      if (arg === "--jsonl") file = value;
      else modelFile = value;
    } else if (arg === "--eval") evaluate = true;
    else if (arg === "--baseline") modelFile = null;
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else usage(`unknown argument ${JSON.stringify(arg)}`);
  }
  if (file === null) usage("--jsonl FILE is required");
  return { file, evaluate, modelFile };
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

const lines = readOrExit(options.file, "input").toString("utf8").split("\n");
const predicted: boolean[] = [];
const labels: number[] = [];
let bad = 0;
const inputs: Array<[string, { langAttr: string | null }]> = [];
const out: string[] = [];

/** What is wrong with a parsed line, or null. */
function problemOf(row: unknown): string | null {
  if (row === null || typeof row !== "object" || Array.isArray(row)) return "not a JSON object";
  const { id, text, label, langAttr } = row as Record<string, unknown>;
  if (typeof id !== "string" && typeof id !== "number") return 'missing "id" (string or number)';
  if (typeof text !== "string") return 'missing "text" (string)';
  if (langAttr !== undefined && langAttr !== null && typeof langAttr !== "string") return '"langAttr" must be a string';
  if (options.evaluate && label !== undefined && label !== 0 && label !== 1) return '"label" must be 0 or 1';
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
    console.error(`detect: ${options.file}:${index + 1}: ${problem}`);
    continue;
  }
  const { id, text, label, langAttr } = row as {
    id: string | number;
    text: string;
    label?: unknown;
    langAttr?: string | null;
  };
  const meta = { langAttr: langAttr ?? null };
  const d = detect(text, meta, model);
  inputs.push([text, meta]);
  out.push(
    JSON.stringify({
      id,
      complaint: d.complaint,
      score: d.score,
      severity: d.severity,
      category: d.category,
      lang: d.lang,
      reasons: d.reasons,
      risk: d.risk,
    }),
  );
  if (options.evaluate && (label === 0 || label === 1)) {
    predicted.push(d.complaint);
    labels.push(label);
  }
  // Write in chunks: one console.log per line is slow on big files.
  if (out.length >= 1_000) process.stdout.write(`${out.splice(0).join("\n")}\n`);
}
if (out.length > 0) process.stdout.write(`${out.join("\n")}\n`);

/** Steady-state µs per call: passes over the inputs until at least 20,000 calls, the median pass. */
function usPerPost(): number {
  if (inputs.length === 0) return 0;
  const passes: number[] = [];
  let calls = 0;
  while (calls < 20_000 || passes.length < 3) {
    const start = process.hrtime.bigint();
    for (const [text, meta] of inputs) detect(text, meta, model);
    passes.push(Number(process.hrtime.bigint() - start) / 1000 / inputs.length);
    calls += inputs.length;
  }
  passes.sort((a, b) => a - b);
  return passes[Math.floor(passes.length / 2)] ?? 0;
}

if (options.evaluate) {
  const m = binaryMetrics(predicted, labels);
  const r = (x: number) => Number(x.toFixed(4));
  console.log(
    JSON.stringify({
      n: m.n,
      accuracy: r(m.accuracy),
      precision: r(m.precision),
      recall: r(m.recall),
      f1: r(m.f1),
      macroF1: r(m.macroF1),
      usPerPost: r(usPerPost()),
    }),
  );
}
process.exitCode = bad > 0 ? 1 : 0;
