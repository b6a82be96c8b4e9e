/**
 * Language of a post: X's own `lang` attribute when it names a language we handle, else stopword counting.
 * Only fr and en have lexicons today; es/de/it/pt are recognised so that their posts are not judged with the
 * French or English lists, and so the reply engine can fall back deliberately.
 */
import type { Lang } from "../schemas";
import { fold } from "./normalize";

const KNOWN = ["fr", "en", "es", "de", "it", "pt"] as const;
type KnownLang = (typeof KNOWN)[number];
/**
 * Languages we vote for. Dutch is a sink: it shares "de", "en", "is", "die" with ours, and without its own list a
 * Dutch post would be called English or French. A Dutch win returns "und".
 */
const VOTED = [...KNOWN, "nl"] as const;
type VotedLang = (typeof VOTED)[number];

/**
 * Function words, folded (no accents). A word listed under several languages counts for each: it does not
 * discriminate, the exclusive ones do. Single letters shared by many Romance languages ("a", "e", "o") are left
 * out; they only add noise.
 */
const STOPWORDS: Record<VotedLang, string> = {
  fr:
    "le la les des du un une et est je j tu il elle nous vous ils elles ne pas que qui pour dans en sur avec mon ma mes ton ta tes son sa ses votre vos notre nos ce cette ces c qu d l m n s t se te au aux ai as suis sont ont on y ca ete depuis toujours rien tres bonjour bonsoir merci mais ou oui non encore deja jamais aucun aucune chez fait faire etre avoir quand comment pourquoi quelle quel quels quelles leur tout toute toutes tous plus moins trop bien aussi apres avant alors donc car moi toi lui sans sous entre parce cela ceci vraiment voila ici peut peux veux dois" +
    " colis commande aide heure heures jour jours semaine attente reponse besoin recu appel depuis",
  en:
    "the and is are was were i you my your it this that to of in for with have has had not no but be been me we they our at from on up by off who which one now too only still again why what when how can can't don't didn't doesn't isn't won't will would just get got please thanks thank hi hello an do does did so very if or all there their its im been being than then also because any some out about into" +
    // Frequent content words of posts to brands, English only: short posts rarely have enough function words.
    " love like know want need wait waiting order ordered today day days hours time never ever every new back call working",
  es: "el la los las de que y en un una es por con para no mi su lo pero muy esta este como mas ya porque hola gracias del al se le nos sin todo hay estoy tengo pedido cuando donde tambien nada todavia aun",
  de: "der die das und ist nicht ich du sie wir es ein eine mit auf fur von zu den dem des im mein meine ihr ihre kein keine noch schon aber auch wie was warum hallo danke bitte sehr habe hat wird wurde seit immer bei nach",
  it: "il lo la gli le di che un una per con non sono mi ma come anche piu gia ancora perche ciao grazie del della dei nel al alla ho ha questo questa sempre mio mia ci sei",
  pt: "os as de que um uma para com nao meu minha por mais mas muito esta isso ja ainda porque ola obrigado obrigada do da dos das no na em voce tenho foi sem seu sua",
  nl: "de het een en is van niet ik je jij mijn nog dat die op te zijn met voor maar ook al naar wat hoe waarom geen wel heb heeft bij dit deze er",
};

/** Bit per language, so one Map lookup scores a word for every language at once. */
const LANG_BITS: Record<VotedLang, number> = { fr: 1, en: 2, es: 4, de: 8, it: 16, pt: 32, nl: 64 };

/** Folded function word → bit per language that lists it (LANG_BITS order). */
export const STOP_MAP: Map<string, number> = (() => {
  const map = new Map<string, number>();
  for (const lang of VOTED) {
    for (const word of STOPWORDS[lang].split(" ")) map.set(word, (map.get(word) ?? 0) | LANG_BITS[lang]);
  }
  return map;
})();

/** Letters that only one of our languages uses: a cheap hint when there are few function words. */
const CHAR_HINTS: ReadonlyArray<readonly [RegExp, VotedLang]> = [
  [/[ñ¿¡]/, "es"],
  [/[ãõ]/, "pt"],
  [/[ßäö]/, "de"],
  // Not è/ù/ê: Italian (è, più) and Portuguese (você) use them too.
  [/œ/, "fr"],
  [/[ìò]/, "it"],
];

// Mentions and URLs are matched so they are skipped, not split into words.
/** One scan for the common case (no hint letter at all) instead of one per language. */
const ANY_HINT = new RegExp(`[${CHAR_HINTS.map(([re]) => re.source.replace(/^\[|\]$/g, "")).join("")}]`);

const WORD_RE = /(@[\p{L}\p{N}_]+|#[\p{L}\p{N}_]+|https?:\/\/\S+|www\.\S+)|[\p{L}\p{N}]+(?:'t(?![\p{L}\p{N}]))?/gu;

/** X writes bare codes ("fr", "en"); accept a BCP 47 region suffix ("pt-BR") anyway. */
export function langFromAttr(langAttr: string | null | undefined): KnownLang | null {
  if (!langAttr) return null;
  const primary = langAttr.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return (KNOWN as readonly string[]).includes(primary) ? (primary as KnownLang) : null;
}

/**
 * Scores folded word tokens; `original` is the unfolded text (for the letter hints). `isWord(i)` says which of
 * them are words (mentions, hashtags, URLs and emoji say nothing about the language of the sentence). The
 * detector does not call this: it votes with addVotes as it scans (./analyse.ts), from a table lookup it makes
 * anyway, and decides with langFromVotes.
 */
export function langFromTokens(
  tokens: readonly string[],
  count: number,
  original: string,
  isWord: (i: number) => boolean = () => true,
): Lang {
  const scores = [0, 0, 0, 0, 0, 0, 0];
  let words = 0;
  for (let i = 0; i < count; i++) {
    const tok = tokens[i];
    if (tok === undefined || !isWord(i)) continue;
    words++;
    const bits = STOP_MAP.get(tok);
    if (bits !== undefined) addVotes(scores, bits);
  }
  return langFromVotes(scores, words, original);
}

/** Adds one word's votes (its STOP_MAP bits) to per-language scores, indexed in LANG_BITS order. */
export function addVotes(scores: number[] | Int32Array, bits: number): void {
  for (let b = 0; b < VOTED.length; b++) if (bits & (1 << b)) scores[b] = (scores[b] ?? 0) + 1;
}

/**
 * The language from function-word votes over `words` word tokens, plus letter hints from the unfolded text.
 * `scores` is modified (the hints are added to it).
 */
export function langFromVotes(scores: number[] | Int32Array, words: number, original: string): Lang {
  for (const [re, lang] of ANY_HINT.test(original) ? CHAR_HINTS : []) {
    if (re.test(original)) {
      const b = Math.log2(LANG_BITS[lang]);
      scores[b] = (scores[b] ?? 0) + 1;
    }
  }
  let best = -1;
  let bestScore = 0;
  let second = 0;
  for (let b = 0; b < VOTED.length; b++) {
    const s = scores[b] ?? 0;
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = b;
    } else if (s > second) {
      second = s;
    }
  }
  // Unsure: nothing matched, a tie, or a text where our function words are a tiny minority (another language
  // that happens to share "de", "en", "is"...).
  if (best < 0 || bestScore - second < 1 || bestScore < 0.1 * words) return "und";
  const lang = VOTED[best];
  return lang === undefined || lang === "nl" ? "und" : lang;
}

/** The post's language: X's attribute when it is one we handle, else a stopword vote, "und" when unsure. */
export function detectLang(text: string, langAttr?: string | null): Lang {
  const fromAttr = langFromAttr(langAttr);
  if (fromAttr) return fromAttr;
  const folded = fold(text);
  const tokens: string[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(folded); m !== null; m = WORD_RE.exec(folded)) {
    if (m[1] === undefined) tokens.push(m[0]);
  }
  return langFromTokens(tokens, tokens.length, text);
}
