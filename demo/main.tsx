/** @jsxImportSource react */
// biome-ignore-all lint/a11y/noRedundantRoles: x.com writes these roles explicitly; the demo mirrors its markup.
// biome-ignore-all lint/a11y/useSemanticElements: same (role="alert" toast, role="tablist" tabs).
// biome-ignore-all lint/a11y/useAriaPropsSupportedByRole: X labels plain divs ("Timeline: Your Home Timeline"), which the adapter keys on.
// biome-ignore-all lint/a11y/noInteractiveElementToNoninteractiveRole: X's home tabs are links with role="tab".
/**
 * A local stand-in for x.com: home timeline, profile and status pages, the reply dialog and the inline reply composer,
 * with X's markup. Used by `npm start` and by the end-to-end tests (served at https://x.com/home).
 *
 * URL parameters: ?posts=N (N posts, for benchmarks), ?theme=dark, ?status=ID (same as /<handle>/status/<ID>).
 */
import { type ReactElement, type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { Composer, composerText } from "./composer";
import { DemoMark, Icon, type IconName } from "./icons";
import { Avatar, PostArticle, QuotedInDialog } from "./post";
import { makePosts, makeReplies, newPostId, type Post, YOU } from "./posts";

interface DemoApi {
  /** Text of the open reply composer (dialog first, then a status page's inline one), from Draft.js's EditorState. */
  getComposerText(): string | null;
  /** Every post made in the demo; postId is the post replied to (null for a new post from the home composer). */
  posted: Array<{ postId: string | null; text: string }>;
  ready: boolean;
}

declare global {
  interface Window {
    __apaiseDemo: DemoApi;
  }
}

const params = new URLSearchParams(location.search);
const LOADED_AT = new Date();
const requested = Number(params.get("posts"));
const SEEDED = makePosts(LOADED_AT, Number.isInteger(requested) && requested > 0 ? requested : undefined);
/** Other people's replies: only on status pages, as on X. */
const SEEDED_REPLIES = makeReplies(SEEDED, LOADED_AT);

const api: DemoApi = {
  getComposerText: () => composerText("dialog") ?? composerText("inline"),
  posted: [],
  ready: false,
};
window.__apaiseDemo = api;

if (params.get("theme") === "dark") document.documentElement.dataset.theme = "dark";

type Route = { kind: "home" } | { kind: "status"; id: string } | { kind: "profile"; handle: string };

/** X's top-level paths that are not user names. */
const RESERVED = new Set(["home", "explore", "notifications", "messages", "i", "compose", "search", "settings"]);

function parseRoute(): Route {
  const q = new URLSearchParams(location.search).get("status");
  if (q) return { kind: "status", id: q };
  const status = /^\/[A-Za-z0-9_]{1,15}\/status\/(\d+)/.exec(location.pathname);
  if (status?.[1]) return { kind: "status", id: status[1] };
  const profile = /^\/([A-Za-z0-9_]{1,15})\/?$/.exec(location.pathname);
  if (profile?.[1] && !RESERVED.has(profile[1].toLowerCase())) return { kind: "profile", handle: profile[1] };
  return { kind: "home" };
}

/** X is a single-page app: links change the URL and re-render without a reload, which content scripts must cope with. */
function useRoute(): Route {
  const [route, setRoute] = useState(parseRoute);
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target === "_blank") return;
      const url = new URL(a.href);
      if (url.origin !== location.origin) return;
      e.preventDefault();
      history.pushState(null, "", url.pathname + url.search);
      setRoute(parseRoute());
      window.scrollTo(0, 0);
    };
    const onPop = () => setRoute(parseRoute());
    document.addEventListener("click", onClick);
    window.addEventListener("popstate", onPop);
    return () => {
      document.removeEventListener("click", onClick);
      window.removeEventListener("popstate", onPop);
    };
  }, []);
  return route;
}

/** Re-render every 30 s so ages ("3m") move on like X's. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

function App() {
  const route = useRoute();
  const now = useNow();
  const [written, setWritten] = useState<Post[]>([]);
  const [replyTo, setReplyTo] = useState<Post | null>(null);
  const [toast, setToast] = useState<Post | null>(null);

  const all = useMemo(() => [...written, ...SEEDED, ...SEEDED_REPLIES], [written]);
  const byId = useMemo(() => new Map(all.map((p) => [p.id, p])), [all]);
  const repliesTo = useCallback(
    (id: string) =>
      written.filter((p) => p.inReplyTo?.id === id).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    [written],
  );

  const publish = useCallback((text: string, parent: Post | null) => {
    const createdAt = new Date();
    const post: Post = {
      id: newPostId(createdAt, api.posted.length),
      author: YOU,
      lang: /[àâçéèêëîïôûùüÿœ]|\b(le|la|les|des|nous|vous|pour)\b/i.test(text) ? "fr" : "en",
      text,
      createdAt,
      counts: { replies: 0, reposts: 0, likes: 0, views: 0 },
      inReplyTo: parent ? { id: parent.id, handle: parent.author.handle } : undefined,
    };
    api.posted.push({ postId: parent?.id ?? null, text });
    setWritten((w) => [post, ...w]);
    setToast(post);
  }, []);

  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), 4000);
    return () => clearTimeout(t);
  }, [toast]);

  useEffect(() => {
    api.ready = true;
  }, []);

  const focal = route.kind === "status" ? byId.get(route.id) : undefined;
  useEffect(() => {
    if (route.kind === "home") document.title = "Home / X";
    else if (route.kind === "profile") document.title = `@${route.handle} / X`;
    else document.title = focal ? `${focal.author.name} on X: "${focal.text.slice(0, 60)}" / X` : "Post / X";
  }, [route, focal]);

  const cells = (posts: Post[]) =>
    posts.flatMap((p) => [
      <Cell key={p.id}>
        <PostArticle post={p} now={now} extraReplies={repliesTo(p.id).length} onReply={setReplyTo} />
      </Cell>,
      // Replies written here show right under the post they answer, so the agent sees what was sent.
      ...repliesTo(p.id).map((r) => (
        <Cell key={r.id}>
          <PostArticle post={r} now={now} extraReplies={0} onReply={setReplyTo} />
        </Cell>
      )),
    ]);

  let header: ReactElement;
  let body: ReactNode;
  let timelineLabel: string;
  if (route.kind === "status") {
    timelineLabel = "Timeline: Conversation";
    header = <BackHeader title="Post" />;
    body = focal ? (
      <>
        <Cell>
          <PostArticle post={focal} now={now} extraReplies={repliesTo(focal.id).length} onReply={setReplyTo} focal />
          <div data-testid="inline_reply_offscreen" className="inline-reply">
            <Avatar author={YOU} />
            <Composer
              slot="inline"
              placeholder="Post your reply"
              buttonLabel="Reply"
              buttonTestId="tweetButtonInline"
              onSubmit={(text) => publish(text, focal)}
            />
          </div>
        </Cell>
        {[...SEEDED_REPLIES.filter((r) => r.inReplyTo?.id === focal.id), ...repliesTo(focal.id)].map((r) => (
          <Cell key={r.id}>
            <PostArticle post={r} now={now} extraReplies={0} onReply={setReplyTo} />
          </Cell>
        ))}
      </>
    ) : (
      <Cell>
        <div className="empty">
          <h2>Hmm…this page doesn’t exist.</h2>
          <p>Try searching for something else.</p>
        </div>
      </Cell>
    );
  } else if (route.kind === "profile") {
    // A profile's Posts tab leaves replies out; the demo account's keeps them so the agent finds what they sent.
    const handle = route.handle.toLowerCase();
    const mine = all.filter(
      (p) => p.author.handle.toLowerCase() === handle && (!p.inReplyTo || handle === YOU.handle.toLowerCase()),
    );
    const author = mine[0]?.author;
    timelineLabel = `Timeline: ${author?.name ?? route.handle}’s posts`;
    header = <BackHeader title={author?.name ?? `@${route.handle}`} subtitle={`${mine.length} posts`} />;
    body = cells(mine);
  } else {
    timelineLabel = "Timeline: Your Home Timeline";
    header = <HomeTabs />;
    body = cells(all.filter((p) => !p.inReplyTo));
  }

  return (
    <div className="app">
      <header role="banner" className="nav">
        <SideNav />
      </header>
      <main role="main" className="main">
        <div data-testid="primaryColumn" className="primary">
          <div aria-label={route.kind === "home" ? "Home timeline" : "Timeline"} className="column">
            {header}
            {route.kind === "home" ? (
              <div className="home-composer">
                <Avatar author={YOU} />
                <Composer
                  slot="home"
                  placeholder="What’s happening?"
                  buttonLabel="Post"
                  buttonTestId="tweetButtonInline"
                  onSubmit={(text) => publish(text, null)}
                />
              </div>
            ) : null}
            <section aria-labelledby="accessible-list-1" role="region">
              <h1 id="accessible-list-1" className="sr-only">
                {route.kind === "home" ? "Your Home Timeline" : "Conversation"}
              </h1>
              <div aria-label={timelineLabel}>
                <div className="cells">{body}</div>
              </div>
            </section>
          </div>
        </div>
        <div data-testid="sidebarColumn" className="sidebar">
          <Sidebar />
        </div>
      </main>
      <div id="layers">
        {replyTo ? (
          <ReplyDialog
            post={replyTo}
            now={now}
            onClose={() => setReplyTo(null)}
            onSubmit={(text) => {
              publish(text, replyTo);
              setReplyTo(null);
            }}
          />
        ) : null}
        {toast ? (
          <div role="alert" data-testid="toast" className="toast">
            <span>Your post was sent.</span>
            <a href={`/${toast.author.handle}/status/${toast.id}`} role="link">
              View
            </a>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function Cell({ children }: { children: ReactNode }) {
  return (
    <div data-testid="cellInnerDiv" className="cell">
      <div>
        <div>{children}</div>
      </div>
    </div>
  );
}

function HomeTabs() {
  return (
    <div className="column-header tabs" role="tablist">
      <a href="/home" role="tab" aria-selected="true" className="tab active">
        <span>For you</span>
      </a>
      <a href="/home" role="tab" aria-selected="false" className="tab">
        <span>Following</span>
      </a>
    </div>
  );
}

function BackHeader({ title, subtitle }: { title: string; subtitle?: string }) {
  return (
    <div className="column-header back">
      <button
        type="button"
        aria-label="Back"
        data-testid="app-bar-back"
        className="round"
        onClick={() => history.back()}
      >
        <Icon name="back" />
      </button>
      <div>
        <h2>{title}</h2>
        {subtitle ? <div className="subtitle">{subtitle}</div> : null}
      </div>
    </div>
  );
}

function SideNav() {
  const items: Array<[IconName, string, string]> = [
    ["home", "Home", "/home"],
    ["search", "Explore", "/explore"],
    ["bell", "Notifications", "/notifications"],
    ["mail", "Messages", "/messages"],
    ["person", "Profile", `/${YOU.handle}`],
  ];
  return (
    <nav aria-label="Primary" role="navigation" className="nav-inner">
      <a href="/home" aria-label="Apaise demo home" className="mark">
        <DemoMark />
      </a>
      {items.map(([icon, label, href]) => (
        <a key={label} href={href} className="nav-item" data-testid={`AppTabBar_${label}_Link`}>
          <Icon name={icon} />
          <span>{label}</span>
        </a>
      ))}
      <a href="/home" data-testid="SideNav_NewTweet_Button" className="nav-post">
        Post
      </a>
      <div className="nav-account" data-testid="SideNav_AccountSwitcher_Button">
        <Avatar author={YOU} />
        <div>
          <div className="name">{YOU.name}</div>
          <div className="handle">@{YOU.handle}</div>
        </div>
      </div>
    </nav>
  );
}

function Sidebar() {
  const trends: Array<[string, string, string]> = [
    ["Trending in France", "#PanneLuma", "2,140 posts"],
    ["Business · Trending", "ColisExpress", "1,312 posts"],
    ["Trending", "Heures creuses", "806 posts"],
    ["Travel · Trending", "#AeroLumiere", "4,902 posts"],
  ];
  return (
    <>
      <form role="search" className="search" onSubmit={(e) => e.preventDefault()}>
        <Icon name="search" />
        <input aria-label="Search query" placeholder="Search" data-testid="SearchBox_Search_Input" />
      </form>
      <aside className="card" aria-label="Demo notice">
        <h2>Apaise demo</h2>
        <p>
          A local imitation of X’s timeline for trying Apaise. Brands and people are made up; nothing you post leaves
          this page.
        </p>
      </aside>
      <aside className="card" aria-label="Timeline: Trending now">
        <h2>What’s happening</h2>
        {trends.map(([context, name, count]) => (
          <div key={name} className="trend" data-testid="trend">
            <div className="muted">{context}</div>
            <div className="trend-name">{name}</div>
            <div className="muted">{count}</div>
          </div>
        ))}
      </aside>
    </>
  );
}

function ReplyDialog({
  post,
  now,
  onClose,
  onSubmit,
}: {
  post: Post;
  now: Date;
  onClose: () => void;
  onSubmit: (text: string) => void;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    // X locks the page behind its modal.
    document.documentElement.classList.add("modal-open");
    return () => {
      document.removeEventListener("keydown", onKey);
      document.documentElement.classList.remove("modal-open");
    };
  }, [onClose]);
  return (
    <div className="modal-root">
      <div data-testid="mask" className="mask" onClick={onClose} aria-hidden="true" />
      <div role="dialog" aria-modal="true" aria-labelledby="modal-header" className="modal">
        <h2 id="modal-header" className="sr-only">
          Reply
        </h2>
        <div className="modal-top">
          <button type="button" aria-label="Close" data-testid="app-bar-close" className="round" onClick={onClose}>
            <Icon name="close" />
          </button>
          <span className="drafts">Drafts</span>
        </div>
        <QuotedInDialog post={post} now={now} />
        <div className="modal-compose">
          <Avatar author={YOU} />
          <Composer
            slot="dialog"
            placeholder="Post your reply"
            buttonLabel="Reply"
            buttonTestId="tweetButton"
            autoFocus
            onSubmit={onSubmit}
          />
        </div>
      </div>
    </div>
  );
}

const root = document.getElementById("react-root");
if (root) createRoot(root).render(<App />);
