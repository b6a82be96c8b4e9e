/** @jsxImportSource react */
// biome-ignore-all lint/a11y/noRedundantRoles: x.com writes role="button"/role="link" explicitly; the demo mirrors its markup.
// biome-ignore-all lint/a11y/useSemanticElements: same, div[role="group"] is what X renders around the actions.
// biome-ignore-all lint/a11y/useAnchorContent: X's avatar link is aria-hidden (the name link next to it is the label).
// biome-ignore-all lint/suspicious/noArrayIndexKey: segments of a post's fixed text, never reordered.
/**
 * One post, rendered with the element structure, data-testid attributes and aria-labels x.com uses (checked against
 * saved x.com pages from 2025-11 and 2026-02), so Apaise's X adapter reads the demo like the real site.
 */
import { type ReactNode, useState } from "react";
import { compactCount, fullDate, plural, shortAge } from "./format";
import { Icon } from "./icons";
import type { Author, Counts, Post } from "./posts";

export function Avatar({ author, size = 40 }: { author: Author; size?: number }) {
  const initials = author.name
    .split(/\s+/)
    .map((w) => Array.from(w)[0] ?? "")
    .filter((c) => /\p{L}/u.test(c))
    .slice(0, 2)
    .join("");
  return (
    <div data-testid="Tweet-User-Avatar" className="avatar-box">
      <div data-testid={`UserAvatar-Container-${author.handle}`}>
        <a href={`/${author.handle}`} aria-hidden="true" role="link" tabIndex={-1}>
          <div className="avatar" style={{ background: author.color, width: size, height: size }}>
            {initials}
          </div>
        </a>
      </div>
    </div>
  );
}

/** Name, @handle and the permalink around <time>, as in X's div[data-testid="User-Name"]. */
function UserName({ post, now, withTime }: { post: Post; now: Date; withTime: boolean }) {
  const { author } = post;
  const age = shortAge(post.createdAt, now);
  return (
    <div data-testid="User-Name" id={`id__name-${post.id}`} className="user-name">
      <div className="user-name-display">
        <a href={`/${author.handle}`} role="link" className="name-link">
          <div dir="ltr" className="name">
            <span>
              <TextWithEmoji text={author.name} />
            </span>
          </div>
          {author.verified ? (
            <div dir="ltr" className="verified">
              <span>
                <svg viewBox="0 0 24 24" aria-label="Verified account" role="img" className="icon icon-verified">
                  <path d="M12 2.5l2.3 1.7 2.8-.2.9 2.7 2.3 1.6-.9 2.7.9 2.7-2.3 1.6-.9 2.7-2.8-.2L12 21.5l-2.3-1.7-2.8.2-.9-2.7L3.7 15.7l.9-2.7-.9-2.7 2.3-1.6.9-2.7 2.8.2z" />
                  <path className="tick" d="M8.5 12l2.5 2.5 4.5-5" />
                </svg>
              </span>
            </div>
          ) : null}
        </a>
      </div>
      <div className="user-name-meta">
        <a href={`/${author.handle}`} role="link" tabIndex={-1} className="handle">
          <div dir="ltr">
            <span>@{author.handle}</span>
          </div>
        </a>
        {withTime ? (
          <>
            <div dir="ltr" aria-hidden="true" className="dot">
              <span>·</span>
            </div>
            <a
              href={`/${author.handle}/status/${post.id}`}
              dir="ltr"
              aria-label={age.label}
              role="link"
              className="age"
            >
              <time dateTime={post.createdAt.toISOString()}>{age.text}</time>
            </a>
          </>
        ) : null}
      </div>
    </div>
  );
}

const EMOJI_NAMES: Record<string, string> = {
  "😡": "Pouting face",
  "👏": "Clapping hands sign",
  "❤️": "Red heart",
  "🙄": "Face with rolling eyes",
  "☕": "Hot beverage",
  "🙃": "Upside-down face",
  "🙏": "Person with folded hands",
  "🚲": "Bicycle",
};

/**
 * X swaps emoji for <img alt="😡">; the image here is the emoji drawn by the system font, so nothing is fetched.
 * The grey fill only shows where no colour emoji font exists, and keeps such glyphs visible in both themes.
 */
function Emoji({ char }: { char: string }) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><text x="18" y="30" font-size="30" text-anchor="middle" fill="#8b98a5">${char}</text></svg>`;
  return (
    <img
      alt={char}
      draggable={false}
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      title={EMOJI_NAMES[char] ?? char}
      className="emoji"
    />
  );
}

const EMOJI = /(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*)/u;

function TextWithEmoji({ text }: { text: string }) {
  return (
    <>
      {text.split(EMOJI).map((part, i) =>
        // split() with a capture group puts the emoji at odd indexes.
        i % 2 === 1 ? <Emoji key={i} char={part} /> : part ? <span key={i}>{part}</span> : null,
      )}
    </>
  );
}

/** Mentions, hashtags, links and emoji become the same elements X makes of them; the rest stays in spans. */
const TOKEN = /(@[A-Za-z0-9_]{1,15}|#[\p{L}\p{N}_]+|https?:\/\/\S+|\b[a-z0-9-]+\.example(?:\/[^\s]*)?)/u;

function tcoFor(url: string): string {
  // A stable fake t.co code per URL, as X rewrites every link through its shortener.
  let h = 0;
  for (const c of url) h = (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0;
  return `https://t.co/${h.toString(36).padStart(7, "0").slice(0, 10)}`;
}

function TweetText({ post, large }: { post: Post; large?: boolean }) {
  const nodes: ReactNode[] = post.text.split(TOKEN).map((part, i) => {
    if (i % 2 === 0) return part ? <TextWithEmoji key={i} text={part} /> : null;
    if (part.startsWith("@")) {
      return (
        <div key={i} className="inline">
          <span>
            <a dir="ltr" href={`/${part.slice(1)}`} role="link">
              {part}
            </a>
          </span>
        </div>
      );
    }
    if (part.startsWith("#")) {
      return (
        <span key={i}>
          <a dir="ltr" href={`/hashtag/${encodeURIComponent(part.slice(1))}?src=hashtag_click`} role="link">
            {part}
          </a>
        </span>
      );
    }
    const shown = part.replace(/^https?:\/\//, "");
    return (
      <a key={i} dir="ltr" href={tcoFor(part)} rel="noopener noreferrer nofollow" target="_blank" role="link">
        <span aria-hidden="true" className="sr-only">
          https://
        </span>
        {shown}
      </a>
    );
  });
  return (
    <div
      dir="auto"
      lang={post.lang}
      data-testid="tweetText"
      id={`id__text-${post.id}`}
      className={large ? "large" : ""}
    >
      {nodes}
    </div>
  );
}

function groupLabel(c: Counts): string {
  const parts: string[] = [];
  if (c.replies) parts.push(c.replies === 1 ? "1 reply" : `${c.replies} replies`);
  if (c.reposts) parts.push(plural(c.reposts, "repost"));
  if (c.likes) parts.push(plural(c.likes, "like"));
  if (c.views) parts.push(plural(c.views, "view"));
  return parts.join(", ");
}

function ActionBar({ post, counts, onReply }: { post: Post; counts: Counts; onReply: () => void }) {
  const [liked, setLiked] = useState(false);
  const c = { ...counts, likes: counts.likes + (liked ? 1 : 0) };
  const n = (v: number) => (v ? <span className="count">{compactCount(v)}</span> : null);
  return (
    <div role="group" aria-label={groupLabel(c)} id={`id__group-${post.id}`} className="actions">
      <div>
        <button
          type="button"
          role="button"
          data-testid="reply"
          aria-label={c.replies ? `${c.replies} ${c.replies === 1 ? "Reply" : "Replies"}. Reply` : "Reply"}
          className="action reply"
          onClick={onReply}
        >
          <Icon name="reply" />
          {n(c.replies)}
        </button>
      </div>
      <div>
        <button
          type="button"
          role="button"
          data-testid="retweet"
          aria-haspopup="menu"
          aria-expanded="false"
          aria-label={c.reposts ? `${plural(c.reposts, "repost")}. Repost` : "Repost"}
          className="action repost"
        >
          <Icon name="repost" />
          {n(c.reposts)}
        </button>
      </div>
      <div>
        <button
          type="button"
          role="button"
          data-testid={liked ? "unlike" : "like"}
          aria-label={c.likes ? `${c.likes} ${c.likes === 1 ? "Like" : "Likes"}. ${liked ? "Liked" : "Like"}` : "Like"}
          className={`action like${liked ? " active" : ""}`}
          onClick={() => setLiked(!liked)}
        >
          <Icon name="like" filled={liked} />
          {n(c.likes)}
        </button>
      </div>
      <div>
        <a
          href={`/${post.author.handle}/status/${post.id}/analytics`}
          aria-label={`${plural(c.views, "view")}. View post analytics`}
          role="link"
          className="action views"
        >
          <Icon name="views" />
          {n(c.views)}
        </a>
      </div>
      <div className="action-end">
        <button type="button" aria-label="Bookmark" data-testid="bookmark" className="action">
          <Icon name="bookmark" />
        </button>
        <button type="button" aria-label="Share post" aria-haspopup="menu" className="action">
          <Icon name="share" />
        </button>
      </div>
    </div>
  );
}

export interface PostViewProps {
  post: Post;
  now: Date;
  /** Replies written in the demo add to the reply count. */
  extraReplies: number;
  onReply: (post: Post) => void;
  /** The post a status page is about: bigger text, full date, tabindex=-1 like X. */
  focal?: boolean;
}

export function PostArticle({ post, now, extraReplies, onReply, focal = false }: PostViewProps) {
  const counts = { ...post.counts, replies: post.counts.replies + extraReplies };
  const replying = post.inReplyTo ? (
    <div className="replying-to">
      Replying to{" "}
      <a href={`/${post.inReplyTo.handle}`} role="link">
        @{post.inReplyTo.handle}
      </a>
    </div>
  ) : null;
  const caret = (
    <button
      type="button"
      aria-label="More"
      aria-haspopup="menu"
      aria-expanded="false"
      data-testid="caret"
      className="caret"
    >
      <Icon name="more" />
    </button>
  );
  return (
    <article
      aria-labelledby={`id__name-${post.id} id__text-${post.id} id__group-${post.id}`}
      role="article"
      tabIndex={focal ? -1 : 0}
      data-testid="tweet"
      className={focal ? "post focal" : "post"}
    >
      {focal ? (
        <>
          <div className="post-row">
            <Avatar author={post.author} />
            <div className="post-head focal-head">
              <UserName post={post} now={now} withTime={false} />
              {caret}
            </div>
          </div>
          {replying}
          <TweetText post={post} large />
          <div className="focal-date">
            <a
              href={`/${post.author.handle}/status/${post.id}`}
              aria-label={fullDate(post.createdAt)}
              role="link"
              className="age"
            >
              <time dateTime={post.createdAt.toISOString()}>{fullDate(post.createdAt)}</time>
            </a>
            <span aria-hidden="true"> · </span>
            <span>
              <strong>{compactCount(counts.views)}</strong> Views
            </span>
          </div>
          <ActionBar post={post} counts={counts} onReply={() => onReply(post)} />
        </>
      ) : (
        <div className="post-row">
          <Avatar author={post.author} />
          <div className="post-main">
            <div className="post-head">
              <UserName post={post} now={now} withTime />
              {caret}
            </div>
            {replying}
            <TweetText post={post} />
            <ActionBar post={post} counts={counts} onReply={() => onReply(post)} />
          </div>
        </div>
      )}
    </article>
  );
}

/** The post being answered, as X shows it at the top of the reply dialog (not an article: it is not in a timeline). */
export function QuotedInDialog({ post, now }: { post: Post; now: Date }) {
  const age = shortAge(post.createdAt, now);
  return (
    <div className="dialog-post">
      <div className="dialog-post-side">
        <Avatar author={post.author} />
        <div className="thread-line" />
      </div>
      <div className="post-main">
        <div className="user-name">
          <span className="dialog-name">
            <TextWithEmoji text={post.author.name} />
          </span>
          <span className="handle">@{post.author.handle}</span>
          <span className="dot">·</span>
          <a href={`/${post.author.handle}/status/${post.id}`} aria-label={age.label} className="age">
            <time dateTime={post.createdAt.toISOString()}>{age.text}</time>
          </a>
        </div>
        <div dir="auto" lang={post.lang} className="dialog-post-text">
          <TextWithEmoji text={post.text} />
        </div>
        <div className="replying-to">
          Replying to <a href={`/${post.author.handle}`}>@{post.author.handle}</a>
        </div>
      </div>
    </div>
  );
}
