/**
 * The log as a virtualised grid: fixed-height rows, only those in view (and a few around) in the DOM, so 100,000
 * entries scroll as fast as 100. Sortable headers (aria-sort), and the keyboard: arrows, Page Up/Down, Home/End move
 * the active row, Enter opens it, Escape closes the detail.
 */
import { useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { categoryName, formatDateTime, formatDuration, type MessageKey, t, type UiLang } from "@/lib/i18n";
import type { ChainIssueKind } from "@/lib/log/chain";
import { type LogSort, type Mark, originOf, type SortKey } from "@/lib/log/query";
import type { ReplyLogEntry } from "@/lib/schemas";

export const ROW_HEIGHT = 44;
const OVERSCAN = 8;

interface Column {
  key: SortKey;
  label: MessageKey;
  /** The first click sorts this way. */
  first: "asc" | "desc";
}

const COLUMNS: readonly Column[] = [
  { key: "insertedAt", label: "colTime", first: "desc" },
  { key: "agent", label: "colAgent", first: "asc" },
  { key: "severity", label: "colComplaint", first: "desc" },
  { key: "post", label: "colPost", first: "asc" },
  { key: "reply", label: "colReply", first: "asc" },
  { key: "responseMs", label: "colResponse", first: "desc" },
  { key: "status", label: "colStatus", first: "desc" },
  { key: "mark", label: "colMark", first: "desc" },
];

export function LogTable({
  entries,
  view,
  marks,
  issues,
  sort,
  onSort,
  activeId,
  onActivate,
  onOpen,
  onClose,
  lang,
  onRendered,
}: {
  entries: readonly ReplyLogEntry[];
  view: Uint32Array;
  marks: ReadonlyMap<string, Mark | null>;
  /** Chain problems by entry id. */
  issues: ReadonlyMap<string, ChainIssueKind[]>;
  sort: LogSort;
  onSort: (sort: LogSort) => void;
  activeId: string | null;
  onActivate: (id: string) => void;
  onOpen: (id: string) => void;
  onClose: () => void;
  lang: UiLang;
  /** After each commit of the rows to the DOM (timings). */
  onRendered?: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => onRendered?.());

  const total = view.length;
  const activeIndex = useMemo(
    () => (activeId === null ? -1 : indexOfId(entries, view, activeId)),
    [entries, view, activeId],
  );
  const bodyHeight = height - ROW_HEIGHT;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT) + OVERSCAN);

  const reveal = (k: number) => {
    const el = scroller.current;
    if (!el) return;
    const top = k * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight - ROW_HEIGHT)
      el.scrollTop = top + 2 * ROW_HEIGHT - el.clientHeight;
  };

  // A new view (filter, sort) starts at the top, or where the active entry is; so does the grid when it appears.
  const shownView = useRef<Uint32Array | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new view moves the scroll.
  useLayoutEffect(() => {
    if (shownView.current === view) return;
    shownView.current = view;
    if (activeIndex >= 0) reveal(activeIndex);
    else if (scroller.current) scroller.current.scrollTop = 0;
  }, [view]);

  const move = (k: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, k));
    onActivate((entries[view[next] as number] as ReplyLogEntry).id);
    reveal(next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys on a sort button are the button's.
    if (e.target !== e.currentTarget) return;
    const page = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT) - 1);
    const at = activeIndex < 0 ? -1 : activeIndex;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at < 0 ? 0 : at - 1),
      PageDown: () => move(at + page),
      PageUp: () => move(at - page),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => (activeId ? onOpen(activeId) : move(0)),
      " ": () => activeId && onOpen(activeId),
      Escape: () => onClose(),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(scroller.current?.scrollTop ?? 0));
  };

  const rows = [];
  for (let k = first; k < last; k++) {
    const e = entries[view[k] as number] as ReplyLogEntry;
    rows.push(
      <Row
        key={e.id}
        entry={e}
        k={k}
        mark={marks.get(e.id) ?? null}
        issue={issues.get(e.id)?.[0]}
        active={e.id === activeId}
        lang={lang}
        onClick={() => {
          onActivate(e.id);
          onOpen(e.id);
        }}
      />,
    );
  }

  return (
    <div class="grid-scroll" ref={scroller} onScroll={onScroll}>
      <table
        class="log-grid"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA grid pattern on a table (APG).
        role="grid"
        tabIndex={0}
        aria-label={t(lang, "logTitle")}
        aria-rowcount={total + 1}
        aria-colcount={COLUMNS.length}
        aria-activedescendant={activeIndex >= 0 ? `log-row-${activeIndex}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="log-grid"
        data-rows={total}
      >
        <thead>
          <tr class="grid-row grid-head" aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const sorted = sort.key === c.key;
              const ariaSort = sorted ? (sort.dir === "asc" ? "ascending" : "descending") : "none";
              return (
                <th scope="col" aria-sort={ariaSort} class="grid-cell" key={c.key} data-col={c.key}>
                  <button
                    type="button"
                    class="sort"
                    onClick={() =>
                      onSort({ key: c.key, dir: sorted ? (sort.dir === "asc" ? "desc" : "asc") : c.first })
                    }
                  >
                    {t(lang, c.label)}
                    <span class="sort-arrow" aria-hidden="true">
                      {sorted ? (sort.dir === "asc" ? "▲" : "▼") : ""}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody class="grid-body" style={{ height: `${total * ROW_HEIGHT}px` }}>
          {rows}
        </tbody>
      </table>
    </div>
  );
}

function indexOfId(entries: readonly ReplyLogEntry[], view: Uint32Array, id: string): number {
  for (let k = 0; k < view.length; k++) if ((entries[view[k] as number] as ReplyLogEntry).id === id) return k;
  return -1;
}

function Row({
  entry: e,
  k,
  mark,
  issue,
  active,
  lang,
  onClick,
}: {
  entry: ReplyLogEntry;
  k: number;
  mark: Mark | null;
  issue: ChainIssueKind | undefined;
  active: boolean;
  lang: UiLang;
  onClick: () => void;
}) {
  const origin = originOf(e);
  return (
    <tr
      class={`grid-row${active ? " active" : ""}${issue ? " tampered" : ""}`}
      id={`log-row-${k}`}
      aria-rowindex={k + 2}
      aria-selected={active}
      style={{ transform: `translateY(${k * ROW_HEIGHT}px)` }}
      onClick={onClick}
      data-testid="log-row"
      data-id={e.id}
      data-post-id={e.postId}
    >
      <td class="grid-cell nowrap">
        {issue && (
          <span class="chain-flag" title={t(lang, `chain_${issue}`)}>
            ⚠<span class="visually-hidden">{t(lang, `chain_${issue}`)}</span>
          </span>
        )}
        {formatDateTime(e.insertedAt, lang)}
      </td>
      <td class="grid-cell">
        <span class="ellipsis">{e.agent}</span>
      </td>
      <td class="grid-cell">
        <span class={`sev sev-${e.detection.severity}`} aria-hidden="true" />
        <span class="ellipsis">{categoryName(lang, e.detection.category)}</span>
      </td>
      <td class="grid-cell">
        <span class="ellipsis">
          <span class="author">@{e.author}</span> {e.postText}
        </span>
      </td>
      <td class="grid-cell">
        <span class="ellipsis">{e.finalText}</span>
        <span class="tag">
          {origin === "edited"
            ? t(lang, "edited")
            : origin === "scratch"
              ? t(lang, "tagTyped")
              : t(lang, "asSuggested")}
        </span>
        {e.lintOverride && e.lintOverride.length > 0 && <span class="tag warn">{t(lang, "tagOverride")}</span>}
      </td>
      <td class="grid-cell nowrap">{formatDuration(e.responseMs)}</td>
      <td class="grid-cell nowrap">
        {e.postedAt ? (
          <span class="chip ok">✓ {t(lang, "posted")}</span>
        ) : (
          <span class="chip">{t(lang, "notPosted")}</span>
        )}
      </td>
      <td class="grid-cell nowrap">
        {mark && <span class={`chip mark-${mark}`}>{t(lang, mark === "good" ? "markGood" : "markCoaching")}</span>}
      </td>
    </tr>
  );
}
