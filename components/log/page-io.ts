/**
 * The log page's ties to the browser: messages to the background, files saved and read, and the timings the bench
 * and the end-to-end tests read (`window.__apaiseLogTimings`, milliseconds).
 */
import type { ToBackgroundFromPage } from "@/lib/messages";

export interface LogTimings {
  /** The page's script started (navigation to here: loading and parsing the bundle). */
  script?: number;
  /** The first chunk of entries came back from the database. */
  firstChunk?: number;
  /** From navigation to the first rows of the full log in the page. */
  open?: number;
  /** Entries shown at that moment (the newest; the rest load after). */
  rows?: number;
  /** From navigation to the whole log in memory (filters and search then cover everything). */
  loaded?: number;
  loadedRows?: number;
  /** The last filter or search: from the input to the table updated. */
  filter?: number;
  /** The last CSV export: from the click to the file built. */
  csv?: number;
  csvBytes?: number;
  /** The last metrics computation, cards in the page. */
  metrics?: number;
  /** The last chain verification, all entries. */
  chain?: number;
}

declare global {
  interface Window {
    __apaiseLogTimings?: LogTimings;
  }
}

export function timings(): LogTimings {
  window.__apaiseLogTimings ??= {};
  return window.__apaiseLogTimings;
}

export function send<T = { ok: boolean }>(msg: ToBackgroundFromPage): Promise<T> {
  return browser.runtime.sendMessage(msg) as Promise<T>;
}

/** Save text as a file through the browser's downloads (the page's own anchor, no permission needed). */
export function saveFile(name: string, content: string | string[], type: string): void {
  const blob = new Blob(typeof content === "string" ? [content] : content, { type });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
}

export function stamp(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/** A link the page may open: http(s) only, whatever the data says. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
}

export function formatInt(n: number, lang: "en" | "fr"): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-US").format(n);
}
