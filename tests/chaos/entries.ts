/** Realistic reply-log entries for sync runs: invented complaints to invented brands, varied by a seeded PRNG. */
import { CATEGORIES, type ReplyLogEntry, STRATEGIES } from "../../lib/schemas";
import { uuidv7 } from "../../lib/uuid";

const AUTHORS = [
  ["claire_dlt", "Claire D."],
  ["mdupont75", "Marc Dupont"],
  ["sam_k", "Sam K."],
  ["nina.rossi", "Nina Rossi"],
  ["jb_martin", "J-B Martin"],
  ["the_real_tom", "Tom"],
] as const;

const POSTS = [
  ["fr", "delivery", "@ColisExpress toujours pas reçu mon colis, 3 semaines de retard. Inadmissible."],
  ["fr", "billing", "@EnergiePlus prélevé deux fois ce mois-ci et personne ne répond au téléphone !!"],
  ["en", "outage", "@StreamBox app down again during the match. Third time this week. Unacceptable."],
  ["en", "account", "@ShopNow locked out of my account for 5 days, support keeps sending the same email"],
  ["fr", "product", "@CafeMaison la machine fuit depuis le premier jour, remboursez-moi."],
  ["en", "service", "@FlyHigh 2 hours on hold and then the line just dropped. Great service."],
] as const;

const REPLIES = {
  fr: [
    "Bonjour, nous sommes désolés pour ce retard. Pouvez-vous nous écrire en message privé avec votre numéro de commande ?",
    "Bonjour, merci de votre patience. Nous regardons votre dossier tout de suite et revenons vers vous aujourd'hui.",
  ],
  en: [
    "Hi, we're sorry about this. Could you DM us your order number so we can look into it right away?",
    "Hi, thanks for your patience. We're on it and will get back to you today.",
  ],
} as const;

const pick = <T>(xs: readonly T[], random: () => number): T => xs[Math.floor(random() * xs.length)] as T;

/** One reply entry by `agent`, inserted at `now`. */
export function replyEntry(agent: string, now: number, random: () => number): ReplyLogEntry {
  const [author, authorName] = pick(AUTHORS, random);
  const [lang, category, postText] = pick(POSTS, random);
  const postId = String(1_860_000_000_000_000_000n + BigInt(Math.floor(random() * 1e12)));
  const publishedAt = now - 60_000 - Math.floor(random() * 3_600_000);
  const detectedAt = publishedAt + Math.floor(random() * 60_000);
  const fromSuggestion = random() < 0.7;
  const suggested = pick(REPLIES[lang], random);
  const edited = fromSuggestion && random() < 0.3;
  const finalText = edited ? `${suggested} ^${agent.slice(0, 2).toUpperCase()}` : suggested;
  const posted = random() < 0.6;
  const postedAt = posted ? now + Math.floor(random() * 120_000) : null;
  return {
    id: uuidv7(now),
    site: "x",
    postId,
    postUrl: `https://x.com/${author}/status/${postId}`,
    author,
    authorName,
    postText,
    detection: {
      complaint: true,
      score: 0.6 + Math.round(random() * 40) / 100,
      severity: pick([1, 2, 3] as const, random),
      category: CATEGORIES.includes(category) ? category : "other",
      lang,
      reasons: postText
        .split(/\s+/)
        .filter((w) => w.length > 6)
        .slice(0, 3),
      model: "detect-v1",
      risk: Math.round(random() * 100) / 100,
      brandDirected: true,
    },
    suggestion: fromSuggestion
      ? {
          id: `s-${lang}-${Math.floor(random() * 40)}`,
          strategy: pick(STRATEGIES, random),
          lang,
          text: suggested,
          length: suggested.length,
          maxLength: 280,
        }
      : null,
    finalText,
    edited,
    agent,
    publishedAt,
    detectedAt,
    insertedAt: now,
    postedAt,
    responseMs: (postedAt ?? now) - publishedAt,
  };
}
