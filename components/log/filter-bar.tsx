/** The log's filters and full-text search. Every control is a native input, labelled, in one wrapping row. */
import { CATEGORIES, SITE_IDS } from "@/lib/constants";
import { categoryName, type MessageKey, severityName, t, type UiLang } from "@/lib/i18n";
import { EMPTY_FILTER, type LogFilter } from "@/lib/log/query";
import type { Category, Severity, SiteId } from "@/lib/schemas";

const DAY = 86_400_000;

/** A date input's value (local day) as epoch ms at that day's start, or null. */
export function dayStart(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

function dayValue(ms: number | null): string {
  if (ms === null) return "";
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function Select<T extends string>({
  name,
  label,
  value,
  anyLabel,
  options,
  onChange,
}: {
  name: string;
  label: string;
  value: T | null;
  anyLabel: string;
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (v: T | null) => void;
}) {
  return (
    <label class="filter">
      <span class="filter-label">{label}</span>
      <select
        name={name}
        value={value ?? ""}
        onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          onChange(v === "" ? null : (v as T));
        }}
      >
        <option value="">{anyLabel}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterBar({
  filter,
  onChange,
  agents,
  lang,
}: {
  filter: LogFilter;
  onChange: (next: LogFilter) => void;
  agents: readonly string[];
  lang: UiLang;
}) {
  const set = <K extends keyof LogFilter>(key: K, value: LogFilter[K]) => onChange({ ...filter, [key]: value });
  const l = (key: MessageKey) => t(lang, key);
  const active = JSON.stringify(filter) !== JSON.stringify(EMPTY_FILTER);
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={l("filters")}>
      <label class="filter search">
        <span class="filter-label">{l("searchLabel")}</span>
        <input
          type="search"
          name="q"
          value={filter.text}
          placeholder={l("searchPlaceholder")}
          onInput={(e) => set("text", (e.target as HTMLInputElement).value)}
        />
      </label>
      <label class="filter date">
        <span class="filter-label">{l("filterFrom")}</span>
        <input
          type="date"
          name="from"
          value={dayValue(filter.from)}
          onChange={(e) => set("from", dayStart((e.target as HTMLInputElement).value))}
        />
      </label>
      <label class="filter date">
        <span class="filter-label">{l("filterTo")}</span>
        <input
          type="date"
          name="to"
          value={dayValue(filter.to === null ? null : filter.to - DAY)}
          onChange={(e) => {
            const start = dayStart((e.target as HTMLInputElement).value);
            // "To" includes that whole day.
            set("to", start === null ? null : start + DAY);
          }}
        />
      </label>
      <Select
        name="agent"
        label={l("filterAgent")}
        value={filter.agent}
        anyLabel={l("allAgents")}
        options={agents.map((a) => [a, a] as const)}
        onChange={(v) => set("agent", v)}
      />
      {SITE_IDS.length > 1 && (
        <Select<SiteId>
          name="site"
          label={l("filterSite")}
          value={filter.site}
          anyLabel={l("allSites")}
          options={SITE_IDS.map((s) => [s, s] as const)}
          onChange={(v) => set("site", v)}
        />
      )}
      <Select<Category>
        name="category"
        label={l("filterCategory")}
        value={filter.category}
        anyLabel={l("allCategories")}
        options={CATEGORIES.map((c) => [c, categoryName(lang, c)] as const)}
        onChange={(v) => set("category", v)}
      />
      <Select<"0" | "1" | "2" | "3">
        name="severity"
        label={l("filterSeverity")}
        value={filter.severity === null ? null : (String(filter.severity) as "0")}
        anyLabel={l("allSeverities")}
        options={(["3", "2", "1", "0"] as const).map((s) => [s, severityName(lang, Number(s) as Severity)] as const)}
        onChange={(v) => set("severity", v === null ? null : (Number(v) as Severity))}
      />
      <Select
        name="status"
        label={l("filterStatus")}
        value={filter.status}
        anyLabel={l("allStatuses")}
        options={[
          ["posted", l("posted")],
          ["not-posted", l("notPosted")],
        ]}
        onChange={(v) => set("status", v)}
      />
      <Select
        name="origin"
        label={l("filterOrigin")}
        value={filter.origin}
        anyLabel={l("allOrigins")}
        options={[
          ["as-suggested", l("originAsSuggested")],
          ["edited", l("originEdited")],
          ["scratch", l("originScratch")],
        ]}
        onChange={(v) => set("origin", v)}
      />
      <Select
        name="override"
        label={l("filterOverride")}
        value={filter.override}
        anyLabel={l("allOverrides")}
        options={[
          ["with", l("overrideWith")],
          ["without", l("overrideWithout")],
        ]}
        onChange={(v) => set("override", v)}
      />
      <Select
        name="mark"
        label={l("filterMark")}
        value={filter.mark}
        anyLabel={l("allMarks")}
        options={[
          ["coaching", l("markCoaching")],
          ["good", l("markGood")],
          ["unreviewed", l("markUnreviewed")],
        ]}
        onChange={(v) => set("mark", v)}
      />
      <button type="button" class="link clear" disabled={!active} onClick={() => onChange(EMPTY_FILTER)}>
        {l("clearFilters")}
      </button>
    </form>
  );
}
