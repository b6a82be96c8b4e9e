/**
 * The domain, as Zod schemas. Everything that crosses a boundary (page → content script → background →
 * database → extension pages) is parsed with these at the receiver.
 */
// zod/mini: the same validation with a tree-shakable API, so the content script stays small.
import * as z from "zod/mini";
import {
  CATEGORIES,
  COMPLAINT_STATUSES,
  DETECTION_LANGS,
  ESCALATION_TARGETS,
  FEEDBACK_VERDICTS,
  SITE_IDS,
  STRATEGIES,
  UI_LANGUAGES,
} from "./constants";
import { DEFAULT_PAGE_SETTINGS } from "./page-settings";
import type { AdapterPart } from "./sites/types";

export { CATEGORIES, COMPLAINT_STATUSES, ESCALATION_TARGETS, FEEDBACK_VERDICTS, SITE_IDS, STRATEGIES };

export const UiLanguage = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguage>;

/**
 * The part of the settings a content script reads (lib/page-settings.ts): brand handles and keywords, the
 * complaint threshold, the UI language, the sites the agent turned off.
 */
export const PageSettings = z.object({
  brandHandles: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(50)),
  brandKeywords: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100)),
  uiLanguage: UiLanguage,
  /** The team's cut on the detector's score: a post is a complaint from this score up (0.5: the model's own). */
  complaintThreshold: z.number().check(z.minimum(0.05), z.maximum(0.95)),
  /** Sites the agent turned off in options: their pages get no badge and report nothing. A new site is on. */
  disabledSites: z.array(z.enum(SITE_IDS)).check(z.maxLength(SITE_IDS.length)),
});
export type PageSettings = z.infer<typeof PageSettings>;

export const SiteId = z.enum(SITE_IDS);
export type SiteId = z.infer<typeof SiteId>;

/** Post text is capped: a post is never longer than this on any supported site, a page could lie. */
const PostText = z.string().check(z.maxLength(40_000));
const IsoDate = z.iso.datetime({ offset: true });
/** Links the UI will open: http(s) only, never javascript: or data:. */
const WebUrl = z.url({ protocol: /^https?$/ }).check(z.maxLength(2_000));

export const PostMetrics = z.object({
  replies: z.nullable(z.int().check(z.nonnegative())),
  reposts: z.nullable(z.int().check(z.nonnegative())),
  likes: z.nullable(z.int().check(z.nonnegative())),
  views: z.nullable(z.int().check(z.nonnegative())),
});
export type PostMetrics = z.infer<typeof PostMetrics>;

export const QuotedPost = z.object({
  id: z.nullable(z.string().check(z.maxLength(64))),
  author: z.nullable(z.string().check(z.maxLength(100))),
  name: z.nullable(z.string().check(z.maxLength(200))),
  text: PostText,
  url: z.nullable(WebUrl),
});
export type QuotedPost = z.infer<typeof QuotedPost>;

/** What a site adapter reads of one post in the page. */
export const PostSnapshot = z.object({
  site: SiteId,
  /** The site's own id of the post (X: the status id). */
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  url: WebUrl,
  /** Handle without the leading @. */
  author: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.maxLength(200)),
  text: PostText,
  /** The `lang` attribute the site put on the text, when any. */
  langAttr: z.nullable(z.string().check(z.maxLength(20))),
  postedAt: z.nullable(IsoDate),
  promoted: z.boolean(),
  metrics: PostMetrics,
  quoted: z.nullable(QuotedPost),
});
export type PostSnapshot = z.infer<typeof PostSnapshot>;

export const Severity = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export type Severity = z.infer<typeof Severity>;

export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const Lang = z.enum(DETECTION_LANGS);
export type Lang = z.infer<typeof Lang>;

/** The classifier's verdict on one text. */
export const Detection = z.object({
  complaint: z.boolean(),
  score: z.number().check(z.minimum(0), z.maximum(1)),
  severity: Severity,
  category: Category,
  lang: Lang,
  /** Words and cues that drove the decision, in the order found. */
  reasons: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
  /** Identifies the model that produced it, so the log says which detector judged. */
  model: z.string().check(z.maxLength(50)),
  /** How urgent a reply is: complaint score × heat (threats, capitals, anger hashtags) and reach (engagement). */
  risk: z.number().check(z.minimum(0), z.maximum(1)),
  /** The post names the brand: one of its @handles or keywords from the settings. */
  brandDirected: z.boolean(),
});
export type Detection = z.infer<typeof Detection>;

export const Strategy = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof Strategy>;

export const Suggestion = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  strategy: Strategy,
  lang: Lang,
  text: z.string().check(z.minLength(1), z.maxLength(5_000)),
  /** The site's own length measure (X: twitter-text weighted length). */
  length: z.int().check(z.nonnegative()),
  maxLength: z.int().check(z.positive()),
  /** The post's language when the reply fell back to English (no templates in it): the UI says so. */
  fallbackFrom: z.optional(Lang),
  /** Values the agent must type in: each left in the text as its `marker`, which the linter blocks. */
  prompts: z.optional(
    z
      .array(
        z.object({
          name: z.string().check(z.maxLength(30)),
          marker: z.string().check(z.maxLength(40)),
          label: z.string().check(z.maxLength(40)),
          example: z.string().check(z.maxLength(60)),
        }),
      )
      .check(z.maxLength(10)),
  ),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const ComplaintStatus = z.enum(COMPLAINT_STATUSES);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** A complaint the content script saw, as stored by the background. Key: `${site}:${post.id}`. */
export const ComplaintRecord = z.object({
  key: z.string().check(z.minLength(3), z.maxLength(80)),
  site: SiteId,
  post: PostSnapshot,
  detection: Detection,
  /** Epoch ms the post was first detected. */
  detectedAt: z.int().check(z.nonnegative()),
  /** Epoch ms it was last seen in a tab. */
  lastSeenAt: z.int().check(z.nonnegative()),
  /** The tab it was last seen in. */
  tabId: z.int(),
  status: ComplaintStatus,
  /** A brand handle's reply seen in the post's thread: "already answered" (absent until one is seen). */
  brandReply: z.optional(
    z.object({
      by: z.string().check(z.minLength(1), z.maxLength(100)),
      replyId: z.string().check(z.minLength(1), z.maxLength(64)),
      /** Epoch ms it was first seen. */
      seenAt: z.int(),
    }),
  ),
});
export type ComplaintRecord = z.infer<typeof ComplaintRecord>;

export const ReplyLogEntry = z.object({
  /** Client-made id (UUIDv7-like: time-ordered). */
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  site: SiteId,
  postId: z.string().check(z.minLength(1), z.maxLength(64)),
  postUrl: WebUrl,
  author: z.string().check(z.maxLength(100)),
  authorName: z.string().check(z.maxLength(200)),
  postText: PostText,
  detection: Detection,
  /** The suggestion the agent started from, null when typed from scratch. */
  suggestion: z.nullable(Suggestion),
  finalText: z.string().check(z.minLength(1), z.maxLength(5_000)),
  edited: z.boolean(),
  /** Blocking linter warnings the agent overrode to insert this reply (absent in entries before the linter). */
  lintOverride: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20))),
  agent: z.string().check(z.maxLength(100)),
  /** Epoch ms. */
  publishedAt: z.nullable(z.int()),
  detectedAt: z.int(),
  insertedAt: z.int(),
  postedAt: z.nullable(z.int()),
  /** Milliseconds from the post's publication (or detection when unknown) to the reply being posted (or inserted). */
  responseMs: z.nullable(z.int()),
  /**
   * The integrity chain (lib/log/chain.ts): SHA-256 of the agent's previous entry (null for the first) and of this
   * entry's immutable fields. Optional: entries logged before the chain existed have neither.
   */
  prevHash: z.optional(z.nullable(z.string().check(z.regex(/^[0-9a-f]{64}$/)))),
  hash: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
});
export type ReplyLogEntry = z.infer<typeof ReplyLogEntry>;

export const Settings = z.extend(PageSettings, {
  agentName: z.string().check(z.maxLength(100)),
  signature: z.string().check(z.maxLength(30)),
  /** The team's response-time target: complaints warn at 80% of it and are late past it. */
  responseTargetMinutes: z.int().check(z.minimum(5), z.maximum(24 * 60)),
  /** The team endpoint's base URL ("" when the agent works alone); https, or http on localhost. */
  teamEndpoint: z.string().check(z.maxLength(500)),
  teamToken: z.string().check(z.maxLength(200)),
  /** Log entries older than this many days are purged (daily, by the background); 0 keeps them forever. */
  retentionDays: z.int().check(z.minimum(0), z.maximum(36_500)),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  ...DEFAULT_PAGE_SETTINGS,
  agentName: "",
  signature: "",
  responseTargetMinutes: 60,
  teamEndpoint: "",
  teamToken: "",
  retentionDays: 365,
};

export const FeedbackVerdict = z.enum(FEEDBACK_VERDICTS);
export type FeedbackVerdict = z.infer<typeof FeedbackVerdict>;

/** An agent's correction of the detector. Stored, synced with the log, and counted as the judged precision. */
export const DetectorFeedback = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  key: z.string().check(z.minLength(3), z.maxLength(80)),
  site: SiteId,
  postId: z.string().check(z.minLength(1), z.maxLength(64)),
  verdict: FeedbackVerdict,
  /** What the detector said when the agent corrected it. */
  detection: Detection,
  agent: z.string().check(z.maxLength(100)),
  /** Epoch ms. */
  at: z.int(),
});
export type DetectorFeedback = z.infer<typeof DetectorFeedback>;

/** The adapter health check's verdict (lib/content/health.ts), sent by a content script when a part broke. */
export const HealthReport = z.object({
  site: SiteId,
  /** The part that stopped working; the report is only sent when one did. */
  broken: z.enum(["posts", "text", "author"] satisfies readonly AdapterPart[]),
  postLike: z.int().check(z.nonnegative(), z.maximum(1_000_000)),
  found: z.int().check(z.nonnegative(), z.maximum(1_000_000)),
  /** Epoch ms of the check. */
  at: z.int().check(z.nonnegative()),
});
export type HealthReport = z.infer<typeof HealthReport>;
