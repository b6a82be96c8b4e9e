/**
 * The domain, as Zod schemas. Everything that crosses a boundary (page → content script → background →
 * database → extension pages) is parsed with these at the receiver.
 */
import { z } from "zod";

export const SITE_IDS = ["x"] as const;
export const SiteId = z.enum(SITE_IDS);
export type SiteId = z.infer<typeof SiteId>;

/** Post text is capped: a post is never longer than this on any supported site, a page could lie. */
const PostText = z.string().max(40_000);
const IsoDate = z.iso.datetime({ offset: true });
/** Links the UI will open: http(s) only, never javascript: or data:. */
const WebUrl = z.url({ protocol: /^https?$/ }).max(2_000);

export const PostMetrics = z.object({
  replies: z.number().int().nonnegative().nullable(),
  reposts: z.number().int().nonnegative().nullable(),
  likes: z.number().int().nonnegative().nullable(),
  views: z.number().int().nonnegative().nullable(),
});
export type PostMetrics = z.infer<typeof PostMetrics>;

export const QuotedPost = z.object({
  id: z.string().max(64).nullable(),
  author: z.string().max(100).nullable(),
  name: z.string().max(200).nullable(),
  text: PostText,
  url: WebUrl.nullable(),
});
export type QuotedPost = z.infer<typeof QuotedPost>;

/** What a site adapter reads of one post in the page. */
export const PostSnapshot = z.object({
  site: SiteId,
  /** The site's own id of the post (X: the status id). */
  id: z.string().min(1).max(64),
  url: WebUrl,
  /** Handle without the leading @. */
  author: z.string().min(1).max(100),
  name: z.string().max(200),
  text: PostText,
  /** The `lang` attribute the site put on the text, when any. */
  langAttr: z.string().max(20).nullable(),
  postedAt: IsoDate.nullable(),
  promoted: z.boolean(),
  metrics: PostMetrics,
  quoted: QuotedPost.nullable(),
});
export type PostSnapshot = z.infer<typeof PostSnapshot>;

export const Severity = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export type Severity = z.infer<typeof Severity>;

export const CATEGORIES = [
  "product",
  "delivery",
  "billing",
  "outage",
  "service",
  "account",
  "pricing",
  "other",
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const Lang = z.enum(["fr", "en", "es", "de", "it", "pt", "und"]);
export type Lang = z.infer<typeof Lang>;

/** The classifier's verdict on one text. */
export const Detection = z.object({
  complaint: z.boolean(),
  score: z.number().min(0).max(1),
  severity: Severity,
  category: Category,
  lang: Lang,
  /** Words and cues that drove the decision, in the order found. */
  reasons: z.array(z.string().max(200)).max(50),
  /** Identifies the model that produced it, so the log says which detector judged. */
  model: z.string().max(50),
});
export type Detection = z.infer<typeof Detection>;

export const STRATEGIES = ["acknowledge-dm", "concrete-fix", "ask-detail"] as const;
export const Strategy = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof Strategy>;

export const Suggestion = z.object({
  id: z.string().min(1).max(100),
  strategy: Strategy,
  lang: Lang,
  text: z.string().min(1).max(5_000),
  /** The site's own length measure (X: twitter-text weighted length). */
  length: z.number().int().nonnegative(),
  maxLength: z.number().int().positive(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const COMPLAINT_STATUSES = ["new", "inserted", "posted", "dismissed"] as const;
export const ComplaintStatus = z.enum(COMPLAINT_STATUSES);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** A complaint the content script saw, as stored by the background. Key: `${site}:${post.id}`. */
export const ComplaintRecord = z.object({
  key: z.string().min(3).max(80),
  site: SiteId,
  post: PostSnapshot,
  detection: Detection,
  /** Epoch ms the post was first detected. */
  detectedAt: z.number().int().nonnegative(),
  /** Epoch ms it was last seen in a tab. */
  lastSeenAt: z.number().int().nonnegative(),
  /** The tab it was last seen in. */
  tabId: z.number().int(),
  status: ComplaintStatus,
});
export type ComplaintRecord = z.infer<typeof ComplaintRecord>;

export const ReplyLogEntry = z.object({
  /** Client-made id (UUIDv7-like: time-ordered). */
  id: z.string().min(1).max(64),
  site: SiteId,
  postId: z.string().min(1).max(64),
  postUrl: WebUrl,
  author: z.string().max(100),
  authorName: z.string().max(200),
  postText: PostText,
  detection: Detection,
  /** The suggestion the agent started from, null when typed from scratch. */
  suggestion: Suggestion.nullable(),
  finalText: z.string().min(1).max(5_000),
  edited: z.boolean(),
  agent: z.string().max(100),
  /** Epoch ms. */
  publishedAt: z.number().int().nullable(),
  detectedAt: z.number().int(),
  insertedAt: z.number().int(),
  postedAt: z.number().int().nullable(),
  /** Milliseconds from the post's publication (or detection when unknown) to the reply being posted (or inserted). */
  responseMs: z.number().int().nullable(),
});
export type ReplyLogEntry = z.infer<typeof ReplyLogEntry>;

export const UiLanguage = z.enum(["auto", "en", "fr"]);
export type UiLanguage = z.infer<typeof UiLanguage>;

export const Settings = z.object({
  brandHandles: z.array(z.string().min(1).max(100)).max(50),
  brandKeywords: z.array(z.string().min(1).max(100)).max(100),
  agentName: z.string().max(100),
  signature: z.string().max(30),
  uiLanguage: UiLanguage,
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  brandHandles: [],
  brandKeywords: [],
  agentName: "",
  signature: "",
  uiLanguage: "auto",
};
