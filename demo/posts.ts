/**
 * The demo timeline's content: hand-written posts addressed to fictional brands, in French and English, covering
 * what a care team sees in a day (complaints of every severity, sarcasm, praise, plain questions, off-topic posts).
 * Ages are relative to page load so the timeline always looks fresh.
 */

export interface Author {
  name: string;
  handle: string;
  verified?: boolean;
  /** Avatar background; avatars are initials on a colour so nothing is fetched. */
  color: string;
}

export interface Counts {
  replies: number;
  reposts: number;
  likes: number;
  views: number;
}

export interface Post {
  id: string;
  author: Author;
  lang: "fr" | "en";
  text: string;
  createdAt: Date;
  counts: Counts;
  /** Set on replies written in the demo: the post they answer. */
  inReplyTo?: { id: string; handle: string };
}

interface Seed {
  author: Author;
  lang: Post["lang"];
  minutesAgo: number;
  text: string;
  counts: Counts;
}

const people = {
  camille: { name: "Camille Roux", handle: "camille_rx", color: "#f4a261" },
  tom: { name: "Tom Whitfield", handle: "tomwhit", color: "#2a9d8f" },
  nadia: { name: "Nadia B.", handle: "nadiabzh", color: "#e76f51" },
  julien: { name: "Julien Marchetti", handle: "jmarchetti_dev", color: "#264653" },
  sophie: { name: "Sophie Lemaire", handle: "sophielmr", color: "#8e7dbe" },
  marc: { name: "Marc-Antoine", handle: "marcant0ine", color: "#6d597a" },
  priya: { name: "Priya Shah", handle: "priyashah_", color: "#e9c46a" },
  ines: { name: "Inès Garnier", handle: "ines_grn", color: "#b56576" },
  owen: { name: "Owen Price", handle: "owenprice", color: "#457b9d" },
  lea: { name: "Léa Fontaine", handle: "leafontaine", color: "#90be6d" },
  dan: { name: "Dan Okafor", handle: "danokafor", verified: true, color: "#43aa8b" },
  hugo: { name: "Hugo 🚲", handle: "hugovelo", color: "#f3722c" },
  rachel: { name: "Rachel Kim", handle: "rachelkim_", color: "#577590" },
  bastien: { name: "Bastien", handle: "bast_ien", color: "#9c6644" },
} satisfies Record<string, Author>;

/** A brand's own care account: its replies in a thread make the complaint "already answered" in Apaise. */
export const LUMA: Author = { name: "Luma Telecom", handle: "LumaTelecom", verified: true, color: "#5e60ce" };

export const YOU: Author = { name: "Apaise Demo", handle: "apaise_demo", color: "#1d9bf0" };

const SEEDS: Seed[] = [
  {
    author: people.camille,
    lang: "fr",
    minutesAgo: 3,
    text: "@ColisExpress colis marqué « livré » hier à 14h, rien devant ma porte, rien chez les voisins. Trois jours que j'attends le rappel promis. Suivi CX48213907FR, je fais quoi maintenant ?",
    counts: { replies: 2, reposts: 0, likes: 5, views: 312 },
  },
  {
    author: people.tom,
    lang: "en",
    minutesAgo: 9,
    text: "@BanqueAzur you charged me TWICE for the same rent payment and now my account is overdrawn. 50 minutes on hold so far. Fix this today please 😡",
    counts: { replies: 4, reposts: 2, likes: 18, views: 1204 },
  },
  {
    author: people.nadia,
    lang: "fr",
    minutesAgo: 16,
    text: "Merci @LumaTelecom pour ces 3h d'attente 👏 vraiment, quel bonheur d'écouter la même musique en boucle. Toujours aucun conseiller.",
    counts: { replies: 3, reposts: 11, likes: 64, views: 5310 },
  },
  {
    author: people.owen,
    lang: "en",
    minutesAgo: 24,
    text: "Is @LumaTelecom down again? No internet since 7am and the status page says everything is fine. Great day to work from home.",
    counts: { replies: 7, reposts: 3, likes: 22, views: 1178 },
  },
  {
    author: people.sophie,
    lang: "fr",
    minutesAgo: 33,
    text: "@BanqueAzur mon compte a été piraté : 3 virements que je n'ai jamais faits. Carte bloquée dans l'appli mais personne ne répond au téléphone. URGENT svp",
    counts: { replies: 1, reposts: 6, likes: 9, views: 890 },
  },
  {
    author: people.julien,
    lang: "fr",
    minutesAgo: 45,
    text: "Troisième coupure cette semaine. @LumaTelecom je résilie, c'est terminé. Vous pouvez garder votre box.",
    counts: { replies: 5, reposts: 4, likes: 41, views: 2650 },
  },
  {
    author: people.priya,
    lang: "en",
    minutesAgo: 58,
    text: "Shoutout to the @ColisExpress driver who waited in the rain while I ran downstairs with the baby. Parcel was perfect ❤️",
    counts: { replies: 1, reposts: 1, likes: 37, views: 1502 },
  },
  {
    author: people.rachel,
    lang: "en",
    minutesAgo: 74,
    text: "@VoltaEnergie quick question: can I move my contract to a new address online, or do I need to call? Moving on the 1st.",
    counts: { replies: 0, reposts: 0, likes: 1, views: 96 },
  },
  {
    author: people.ines,
    lang: "fr",
    minutesAgo: 101,
    text: "@ColisExpress bonjour, est-ce qu'on peut faire livrer un colis en point relais après l'expédition ? Merci d'avance",
    counts: { replies: 0, reposts: 0, likes: 0, views: 41 },
  },
  {
    author: people.dan,
    lang: "en",
    minutesAgo: 139,
    text: "@VoltaEnergie my bill went from €62 to €148 this month with the same usage. Can someone explain? Nothing in the app.",
    counts: { replies: 2, reposts: 1, likes: 12, views: 2210 },
  },
  {
    author: people.marc,
    lang: "fr",
    minutesAgo: 176,
    text: "@ColisExpress c'est une blague ? Avis de passage alors que j'étais chez moi TOUTE la journée. Et maintenant 40 min de route pour aller le chercher 🙄",
    counts: { replies: 3, reposts: 2, likes: 27, views: 1890 },
  },
  {
    author: people.lea,
    lang: "en",
    minutesAgo: 228,
    text: "Honestly @BanqueAzur support sorted my card issue in 5 minutes on chat. Did not expect that. Thank you!",
    counts: { replies: 1, reposts: 0, likes: 14, views: 640 },
  },
  {
    author: people.hugo,
    lang: "fr",
    minutesAgo: 297,
    text: "Petit-déjeuner au soleil avant la réunion de 9h ☕ bonne journée à tous #lundi",
    counts: { replies: 2, reposts: 0, likes: 19, views: 430 },
  },
  {
    author: people.bastien,
    lang: "en",
    minutesAgo: 362,
    text: "Day 12 with no refund from @AeroLumiere for a flight YOU cancelled. Next step is the ombudsman and a chargeback. aerolumiere.example/help is a dead end. #AeroLumiere",
    counts: { replies: 6, reposts: 9, likes: 88, views: 7420 },
  },
  {
    author: people.ines,
    lang: "fr",
    minutesAgo: 471,
    text: "@VoltaEnergie l'offre heures creuses est-elle disponible pour les appartements ? Je ne trouve rien sur le site.",
    counts: { replies: 1, reposts: 0, likes: 2, views: 133 },
  },
  {
    author: people.owen,
    lang: "en",
    minutesAgo: 583,
    text: "Love how @LumaTelecom texted me that my fibre is “now faster” on the very day it stopped working entirely. Impeccable timing 🙃",
    counts: { replies: 4, reposts: 15, likes: 203, views: 11870 },
  },
];

interface ReplySeed {
  /** Index in SEEDS of the post answered. */
  to: number;
  author: Author;
  lang: Post["lang"];
  minutesAfter: number;
  /** Without the leading @mentions: X shows those as "Replying to @…" instead. */
  text: string;
}

/** Other people's replies, shown under a post on its status page (X does not show them on the home timeline). */
const REPLY_SEEDS: ReplySeed[] = [
  {
    to: 0,
    author: people.sophie,
    lang: "fr",
    minutesAfter: 1,
    text: "Regardez chez le gardien ou en boîte aux lettres, le mien y était la dernière fois.",
  },
  {
    to: 1,
    author: people.priya,
    lang: "en",
    minutesAfter: 4,
    text: "Same thing happened to me last month. Took them a week to refund the second one.",
  },
  {
    to: 2,
    author: people.hugo,
    lang: "fr",
    minutesAfter: 6,
    text: "3h c'est rien, moi j'ai eu droit à 4h et on m'a raccroché au nez 🙃",
  },
  { to: 3, author: people.julien, lang: "fr", minutesAfter: 3, text: "Pareil ici, tout le quartier est coupé." },
  { to: 3, author: people.rachel, lang: "en", minutesAfter: 8, text: "Down for us too since this morning." },
  {
    to: 3,
    author: LUMA,
    lang: "en",
    minutesAfter: 12,
    text: "Hi Owen, thanks for flagging this. Engineers are on site in your area and we expect the line back by noon. We'll DM you once it's confirmed. ^LT",
  },
  {
    to: 13,
    author: people.dan,
    lang: "en",
    minutesAfter: 30,
    text: "Went through the same. The ombudsman route worked for me, took 6 weeks.",
  },
];

/** X ids grow with time; counting down from a fixed id keeps newer posts larger and ids stable across reloads. */
const NEWEST_ID = 1_893_514_872_301_446_000n;
const ID_STEP = 104_729n;
/** Age added to each repeat of the seed list in `?posts=N` mode, so the timeline stays sorted newest first. */
const CYCLE_MINUTES = 10 * 60;

/** `count` posts, newest first: the seeds once by default, cycled with distinct ids and older ages beyond that. */
export function makePosts(now: Date, count = SEEDS.length): Post[] {
  const posts: Post[] = [];
  for (let i = 0; i < count; i++) {
    const seed = SEEDS[i % SEEDS.length];
    if (!seed) break;
    const cycle = Math.floor(i / SEEDS.length);
    const jitter = (i * 7) % 5; // keeps repeated posts' counts from being identical copies
    posts.push({
      id: (NEWEST_ID - BigInt(i) * ID_STEP).toString(),
      author: seed.author,
      lang: seed.lang,
      text: seed.text,
      createdAt: new Date(now.getTime() - (seed.minutesAgo + cycle * CYCLE_MINUTES) * 60_000),
      counts: cycle === 0 ? seed.counts : { ...seed.counts, likes: seed.counts.likes + jitter },
    });
  }
  return posts;
}

/** Snowflake-like id for a reply written now, larger than every seeded id like a real new post. */
export function newPostId(now: Date, seq: number): string {
  const X_EPOCH = 1_288_834_974_657n;
  return (((BigInt(now.getTime()) - X_EPOCH) << 22n) + BigInt(seq)).toString();
}

/** The seeded replies to `posts` (every repeat of a seed gets its own), never dated after `now`. */
export function makeReplies(posts: Post[], now: Date): Post[] {
  const replies: Post[] = [];
  posts.forEach((parent, i) => {
    REPLY_SEEDS.filter((r) => r.to === i % SEEDS.length).forEach((r, k) => {
      replies.push({
        // Seeded ids are ID_STEP apart, so parent + k + 1 cannot collide and stays "after" its parent.
        id: (BigInt(parent.id) + BigInt(k + 1)).toString(),
        author: r.author,
        lang: r.lang,
        text: r.text,
        createdAt: new Date(Math.min(now.getTime(), parent.createdAt.getTime() + r.minutesAfter * 60_000)),
        counts: { replies: 0, reposts: 0, likes: 1 + k, views: 20 + 13 * k },
        inReplyTo: { id: parent.id, handle: parent.author.handle },
      });
    });
  });
  return replies;
}
