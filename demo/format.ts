/** X's ways of printing ages, dates and counts, so the demo reads like the real page. */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "now", "42s", "26m", "3h", then "Feb 13" (or "Feb 13, 2025" in another year) — the timeline's short age. */
export function shortAge(date: Date, now: Date): { text: string; label: string } {
  const s = Math.max(0, Math.floor((now.getTime() - date.getTime()) / 1000));
  if (s < 5) return { text: "now", label: "now" };
  if (s < 60) return { text: `${s}s`, label: `${plural(s, "second")} ago` };
  const m = Math.floor(s / 60);
  if (m < 60) return { text: `${m}m`, label: `${plural(m, "minute")} ago` };
  const h = Math.floor(m / 60);
  if (h < 24) return { text: `${h}h`, label: `${plural(h, "hour")} ago` };
  const day = `${MONTHS[date.getMonth()]} ${date.getDate()}`;
  const text = date.getFullYear() === now.getFullYear() ? day : `${day}, ${date.getFullYear()}`;
  return { text, label: `${day}, ${date.getFullYear()}` };
}

/** "3:42 PM · Feb 13, 2026", shown under a post on its own page. */
export function fullDate(date: Date): string {
  const h = date.getHours();
  const mm = String(date.getMinutes()).padStart(2, "0");
  const time = `${h % 12 === 0 ? 12 : h % 12}:${mm} ${h < 12 ? "AM" : "PM"}`;
  return `${time} · ${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`;
}

/** 1178 → "1.1K", 11870 → "11K": X truncates rather than rounds. */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${Math.floor(n / 100) / 10}K`;
  if (n < 1_000_000) return `${Math.floor(n / 1000)}K`;
  return `${Math.floor(n / 100_000) / 10}M`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
