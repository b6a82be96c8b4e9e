/**
 * The in-page mark: a small pill in a Shadow DOM, so the site's CSS cannot reach it and ours cannot leak.
 * Text goes in with textContent only: post text never reaches innerHTML.
 */
import { badgeSeverity, badgeText } from "@/lib/i18n/badge";
import { formatAge, type UiLang } from "@/lib/i18n/core";
import type { Detection, PostSnapshot } from "@/lib/schemas";

const COLORS: Record<number, { bg: string; fg: string }> = {
  0: { bg: "#e5e7eb", fg: "#374151" },
  1: { bg: "#fef3c7", fg: "#92400e" },
  2: { bg: "#ffedd5", fg: "#9a3412" },
  3: { bg: "#fee2e2", fg: "#991b1b" },
};
const DOTS: Record<number, string> = { 0: "#9ca3af", 1: "#d97706", 2: "#ea580c", 3: "#dc2626" };

const STYLE = `
:host { all: initial; display: inline-flex; align-items: center; margin-inline-start: 6px; vertical-align: middle; }
button { all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 5px; font: 600 11px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  padding: 0 7px; border-radius: 999px; white-space: nowrap; max-width: 150px; overflow: hidden; text-overflow: ellipsis;
  box-shadow: inset 0 0 0 1px rgba(0,0,0,.08); }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.dot { width: 7px; height: 7px; border-radius: 50%; flex: none; }
.late { font-weight: 700; }
.claim { font-weight: 600; opacity: .9; }
`;

/** A colleague holds the post (see lib/sync): the badge says so, so two agents do not answer the same customer. */
export interface Claim {
  agent: string;
  state: "answering" | "answered";
}

export interface BadgeOptions {
  lang: UiLang;
  now: () => number;
  onOpen: (post: PostSnapshot) => void;
  claimOf?: (postId: string) => Claim | undefined;
}

export function createBadge(post: PostSnapshot, detection: Detection, opts: BadgeOptions): HTMLElement {
  const host = document.createElement("span");
  host.setAttribute("data-apaise-badge", "");
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = STYLE;
  const button = document.createElement("button");
  button.type = "button";
  const dot = document.createElement("span");
  dot.className = "dot";
  const label = document.createElement("span");
  button.append(dot, label);
  root.append(style, button);
  // Sites open the post when it is clicked (X's article, Mastodon's status): the badge's click is ours alone.
  const stop = (e: Event) => {
    e.stopPropagation();
  };
  button.addEventListener("click", (e) => {
    e.preventDefault();
    e.stopPropagation();
    opts.onOpen(post);
  });
  for (const type of ["mousedown", "mouseup", "pointerdown", "pointerup"]) button.addEventListener(type, stop);
  updateBadge(host, post, detection, opts);
  return host;
}

export function updateBadge(host: HTMLElement, post: PostSnapshot, detection: Detection, opts: BadgeOptions): void {
  host.setAttribute("data-apaise-post-id", post.id);
  host.setAttribute("data-apaise-severity", String(detection.severity));
  const button = host.shadowRoot?.querySelector("button");
  const dot = button?.querySelector<HTMLElement>(".dot");
  const label = button?.querySelector<HTMLElement>("span:last-child");
  if (!button || !dot || !label) return;
  const colors = COLORS[detection.severity] ?? COLORS[1];
  button.style.background = colors?.bg ?? "";
  button.style.color = colors?.fg ?? "";
  dot.style.background = DOTS[detection.severity] ?? "#d97706";
  const posted = post.postedAt ? Date.parse(post.postedAt) : Number.NaN;
  const age = Number.isFinite(posted) ? formatAge(opts.now() - posted, opts.lang) : null;
  const claim = opts.claimOf?.(post.id);
  const claimText = claim
    ? badgeText(opts.lang, claim.state === "answered" ? "badgeAnswered" : "badgeAnswering", {
        agent: claim.agent || "—",
      })
    : null;
  if (claim) host.setAttribute("data-apaise-claimed", claim.state);
  else host.removeAttribute("data-apaise-claimed");
  label.textContent = [badgeText(opts.lang, "complaint"), claimText ?? age].filter(Boolean).join(" · ");
  const severity = badgeSeverity(opts.lang, detection.severity);
  const reasons = detection.reasons.length ? `: ${detection.reasons.slice(0, 4).join(", ")}` : "";
  button.title = `Apaise — ${badgeText(opts.lang, "complaint")} (${severity})${reasons}${claimText ? ` — ${claimText}` : ""}`;
  button.setAttribute("aria-label", button.title);
}
