// Apaise French complaint dataset: deterministic train/test split, loader and validator.
// Usage: node data/fr-complaints/split.mjs   (validates, then prints the counts tables as Markdown)
// No dependencies: node:crypto, node:fs, node:path, node:url only.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * @typedef {"product"|"delivery"|"billing"|"outage"|"service"|"account"|"pricing"|"other"} Category
 * @typedef {"complaint"|"sarcasm"|"praise"|"question"|"neutral"|"negation"|"offtopic-negative"|"third-party"|"request"} Kind
 * @typedef {{id: string, text: string, label: 0|1, severity: 0|1|2|3, category: Category, kind: Kind}} Row
 */

export const FILE_NAME = "fr-complaints.jsonl";
export const SPLIT_SALT = "fr-complaints-split-v1:";
export const CATEGORIES = ["product", "delivery", "billing", "outage", "service", "account", "pricing", "other"];
/** Kinds allowed for each label. */
export const KINDS_BY_LABEL = {
  1: ["complaint", "sarcasm", "third-party"],
  0: ["praise", "question", "request", "neutral", "negation", "offtopic-negative"],
};
export const KINDS = [...KINDS_BY_LABEL[1], ...KINDS_BY_LABEL[0]];
/** Hard negatives (complaint-like words, no breach of expectations) were written as one contiguous block. */
export const HARD_NEGATIVE_RANGE = ["fr-0399", "fr-0424"];
export const MIN_CHARS = 20;
export const MAX_CHARS = 280;

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * TEST when parseInt(sha256(SPLIT_SALT + id).slice(0, 8), 16) % 10 < 3 (about 30%), else TRAIN.
 * @param {string} id
 * @returns {"train"|"test"}
 */
export function splitOf(id) {
  const hex = createHash("sha256")
    .update(SPLIT_SALT + id)
    .digest("hex");
  return Number.parseInt(hex.slice(0, 8), 16) % 10 < 3 ? "test" : "train";
}

/** @param {string} id */
export function isHardNegative(id) {
  return id >= HARD_NEGATIVE_RANGE[0] && id <= HARD_NEGATIVE_RANGE[1];
}

const normalize = (/** @type {string} */ s) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Parses and checks the JSONL text. Returns the rows and a list of problems (each with its 1-based line number).
 * @param {string} content
 * @returns {{rows: Row[], problems: {line: number, message: string}[]}}
 */
export function validate(content) {
  /** @type {Row[]} */
  const rows = [];
  /** @type {{line: number, message: string}[]} */
  const problems = [];
  const ids = new Map();
  const texts = new Map();
  const lines = content.split("\n");
  if (lines.at(-1) === "") lines.pop();
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const fail = (/** @type {string} */ message) => problems.push({ line, message });
    let row;
    try {
      row = JSON.parse(raw);
    } catch (error) {
      fail(`invalid JSON: ${/** @type {Error} */ (error).message}`);
      continue;
    }
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      fail("not a JSON object");
      continue;
    }
    const keys = Object.keys(row).sort().join(",");
    if (keys !== "category,id,kind,label,severity,text") fail(`unexpected keys: ${keys}`);
    const { id, text, label, severity, category, kind } = row;
    const expectedId = `fr-${String(line).padStart(4, "0")}`;
    if (id !== expectedId) fail(`id ${JSON.stringify(id)} should be ${expectedId} (ids are sequential)`);
    if (ids.has(id)) fail(`duplicate id ${id} (first on line ${ids.get(id)})`);
    ids.set(id, line);
    if (typeof text !== "string") fail("text is not a string");
    else {
      if (text !== text.trim()) fail("text has leading/trailing whitespace");
      const length = [...text].length;
      if (length < MIN_CHARS || length > MAX_CHARS) fail(`text length ${length} outside ${MIN_CHARS}-${MAX_CHARS}`);
      const key = normalize(text);
      if (texts.has(key)) fail(`duplicate text (first on line ${texts.get(key)})`);
      texts.set(key, line);
    }
    if (label !== 0 && label !== 1) fail(`label must be 0 or 1, got ${JSON.stringify(label)}`);
    if (![0, 1, 2, 3].includes(severity)) fail(`severity must be 0-3, got ${JSON.stringify(severity)}`);
    if (label === 0 && severity !== 0) fail("label 0 requires severity 0");
    if (label === 1 && !(severity >= 1)) fail("label 1 requires severity >= 1");
    if (!CATEGORIES.includes(category)) fail(`unknown category ${JSON.stringify(category)}`);
    if (!KINDS.includes(kind)) fail(`unknown kind ${JSON.stringify(kind)}`);
    else if ((label === 0 || label === 1) && !KINDS_BY_LABEL[label].includes(kind))
      fail(`kind ${kind} is not allowed with label ${label}`);
    rows.push(row);
  }
  return { rows, problems };
}

/**
 * Loads and validates the dataset, then splits it.
 * @param {string} [dir] folder holding fr-complaints.jsonl (defaults to this script's folder)
 * @returns {{train: Row[], test: Row[]}}
 */
export function loadFrComplaints(dir = HERE) {
  const file = join(resolve(dir), FILE_NAME);
  const { rows, problems } = validate(readFileSync(file, "utf8"));
  if (problems.length > 0) {
    const first = problems[0];
    throw new Error(`${file}:${first.line}: ${first.message} (${problems.length} problem(s))`);
  }
  /** @type {{train: Row[], test: Row[]}} */
  const out = { train: [], test: [] };
  for (const row of rows) out[splitOf(row.id)].push(row);
  return out;
}

/**
 * @param {string} title
 * @param {string[]} values
 * @param {Row[]} rows
 * @param {(row: Row) => string} keyOf
 */
function table(title, values, rows, keyOf) {
  const count = (/** @type {Row[]} */ subset, /** @type {string} */ value) =>
    subset.filter((row) => keyOf(row) === value).length;
  const train = rows.filter((row) => splitOf(row.id) === "train");
  const test = rows.filter((row) => splitOf(row.id) === "test");
  const out = [`| ${title} | all | train | test |`, "|---|---:|---:|---:|"];
  for (const value of values)
    out.push(`| ${value} | ${count(rows, value)} | ${count(train, value)} | ${count(test, value)} |`);
  out.push(`| **total** | ${rows.length} | ${train.length} | ${test.length} |`);
  return out.join("\n");
}

function main() {
  const file = join(HERE, FILE_NAME);
  const { rows, problems } = validate(readFileSync(file, "utf8"));
  if (problems.length > 0) {
    for (const { line, message } of problems) console.error(`${file}:${line}: ${message}`);
    process.exit(1);
  }
  const byLabelKind = (/** @type {Row} */ row) => `${row.label} / ${row.kind}`;
  const labelKinds = [1, 0].flatMap((label) => KINDS_BY_LABEL[label].map((kind) => `${label} / ${kind}`));
  const hard = rows.filter((row) => isHardNegative(row.id));
  const complaints = rows.filter((row) => row.label === 1);
  console.log(
    [
      table("label", ["1", "0"], rows, (row) => String(row.label)),
      table("label / kind", labelKinds, rows, byLabelKind),
      table("severity", ["0", "1", "2", "3"], rows, (row) => String(row.severity)),
      table("category (label 1 only)", CATEGORIES, complaints, (row) => row.category),
      table("category (all rows)", CATEGORIES, rows, (row) => row.category),
      table(
        `hard negatives (${HARD_NEGATIVE_RANGE.join("–")}), by kind`,
        KINDS_BY_LABEL[0].filter((kind) => hard.some((row) => row.kind === kind)),
        hard,
        (row) => row.kind,
      ),
    ].join("\n\n"),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
