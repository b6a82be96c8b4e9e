/**
 * The reply engine's and the tone linter's speed, for `npm run bench`:
 * - suggest_us_per_complaint: one `suggest()` call (three fitted replies) for a complaint with its detection, over
 *   hand-written complaints in French, English and Spanish, every category and severity, crossed with the ten
 *   sites' length rules (X's weighted count included) and both "already answered" states;
 * - lint_us_per_draft: one `lintReply()` call on a draft of about 280 characters (X's limit), clean ones and ones
 *   that trip rules (blame, threats, personal data, compensation, capitals).
 * Medians of 15 rounds after a warm-up, in µs per call.
 */
import { lintReply } from "../lib/lint";
import type { Category, Detection, Lang, Severity } from "../lib/schemas";
import { LIMIT_SITE_IDS, limitFor, weightedLength } from "../lib/sites/limits";
import { type SuggestInput, suggest } from "../lib/suggest";
import { median, type Row } from "./stats";

/** Invented complaints to invented brands: [lang, category, severity, author, text]. */
const COMPLAINTS: readonly (readonly [Lang, Category, Severity, string, string])[] = [
  ["fr", "delivery", 1, "marie_l", "Toujours pas reçu mon colis, trois semaines de retard. Sérieusement ?"],
  ["fr", "delivery", 2, "jb75", "Colis marqué livré mais rien dans ma boîte. Vous mentez sur le suivi."],
  ["fr", "billing", 2, "claire_d", "Prélevée deux fois ce mois-ci, et personne ne répond au téléphone."],
  ["fr", "billing", 3, "thomas_r", "Troisième prélèvement en trop, je porte plainte si ce n'est pas réglé demain."],
  ["fr", "outage", 1, "nico_paris", "Plus d'internet depuis hier soir, bravo la fibre."],
  ["fr", "outage", 3, "sandrine_b", "Trois jours sans réseau, je télétravaille ! J'appelle un avocat."],
  ["fr", "service", 1, "paul_m", "Deux heures d'attente au service client pour rien."],
  ["fr", "service", 2, "ines_k", "Votre conseiller m'a raccroché au nez. Inadmissible."],
  ["fr", "account", 2, "lea_v", "Compte bloqué sans raison depuis une semaine."],
  ["fr", "account", 3, "marc_t", "Vous avez fermé mon compte avec mon argent dessus, je contacte la presse."],
  ["fr", "product", 1, "julien_f", "Ma box redémarre toute seule dix fois par jour."],
  ["fr", "product", 2, "emma_c", "Téléphone neuf, écran mort au bout de deux jours. Qualité zéro."],
  ["fr", "pricing", 1, "hugo_p", "Mon forfait a augmenté de 5 € sans prévenir ?"],
  ["fr", "pricing", 2, "camille_a", "Hausse de prix cachée, c'est du vol pur et simple."],
  ["fr", "other", 1, "zoe_l", "Franchement déçue de l'expérience en magasin aujourd'hui."],
  ["fr", "other", 0, "alex_r", "Quelqu'un sait si le magasin ouvre dimanche ?"],
  ["en", "delivery", 1, "sam_k", "Parcel marked delivered, never arrived. Great."],
  ["en", "delivery", 2, "ana_g", "Third time my order is late. You clearly don't care."],
  ["en", "billing", 2, "lee_w", "Charged twice for the same month and nobody answers."],
  ["en", "billing", 3, "kev_o", "Refund me by Friday or I'm taking this to small claims court."],
  ["en", "outage", 1, "jo_b", "Internet down again tonight, third time this week."],
  ["en", "outage", 3, "pat_l", "No service for 4 days, I work from home. Calling my lawyer."],
  ["en", "service", 1, "mia_s", "Two hours on hold and then the call dropped."],
  ["en", "service", 2, "dan_h", "Your agent was rude and hung up on me."],
  ["en", "account", 2, "ravi_n", "Locked out of my account for a week with no explanation."],
  ["en", "account", 3, "tom_e", "You froze my account with my savings in it. Going to the press."],
  ["en", "product", 1, "ella_m", "The app crashes every time I open it."],
  ["en", "product", 2, "noah_c", "Brand new phone, dead screen after two days. Junk."],
  ["en", "pricing", 1, "liv_r", "Why did my plan go up 20% without notice?"],
  ["en", "pricing", 2, "ben_t", "Hidden price hike. That's a scam."],
  ["en", "other", 1, "ivy_p", "Really disappointed with the store visit today."],
  ["en", "other", 0, "max_d", "Does anyone know if the shop is open on Sunday?"],
  ["es", "delivery", 1, "lucia_m", "Mi pedido lleva tres semanas de retraso."],
  ["es", "billing", 2, "pablo_r", "Me cobraron dos veces este mes."],
  ["es", "outage", 1, "sofia_g", "Sin internet desde ayer por la noche."],
  ["es", "service", 2, "diego_l", "Dos horas esperando y nadie me atiende."],
  ["de", "product", 1, "lena_k", "Das Gerät funktioniert seit gestern nicht mehr."],
  ["it", "account", 2, "marco_b", "Account bloccato senza motivo da una settimana."],
  ["pt", "pricing", 1, "rita_s", "O preço subiu sem aviso nenhum."],
  ["und", "other", 1, "x_x", "???!!! 😡😡😡"],
];

const detectionOf = (lang: Lang, category: Category, severity: Severity): Detection => ({
  complaint: severity > 0,
  score: severity > 0 ? 0.9 : 0.2,
  severity,
  category,
  lang,
  reasons: [],
  model: "bench",
  risk: 0.5,
  brandDirected: true,
});

function inputs(): SuggestInput[] {
  const out: SuggestInput[] = [];
  COMPLAINTS.forEach(([lang, category, severity, author, text], i) => {
    LIMIT_SITE_IDS.forEach((site, s) => {
      out.push({
        post: { id: `19000000000000${String(i * 100 + s).padStart(5, "0")}`, author, site, text },
        detection: detectionOf(lang, category, severity),
        agentName: s % 2 ? "Julie" : "",
        signature: s % 3 ? "JD" : "",
        brand: "Acme",
        alreadyAnswered: (i + s) % 4 === 0,
      });
    });
  });
  return out;
}

/** Drafts of about 280 characters: the engine's replies run on to the limit, and hand-written faulty ones. */
function drafts(all: readonly SuggestInput[]): { text: string; lang: Lang; severity: Severity }[] {
  const faulty = [
    "Hi, as we already told you, you should have read the delivery terms. According to our policy there is nothing we can do. Send us your order number and your email address here and we will see. We reserve the right to close your account if you keep posting like this. OBVIOUSLY NOT OUR FAULT.",
    "Bonjour, comme déjà indiqué, vous auriez dû lire nos CGV. Conformément à nos conditions générales, nous ne pouvons rien faire. Envoyez-nous votre numéro de commande et votre adresse e-mail ici. En geste commercial, un bon d'achat de 10 € vous attend. Sinon nous porterons plainte, bien évidemment.",
  ];
  const out: { text: string; lang: Lang; severity: Severity }[] = [];
  for (const input of all.slice(0, 120)) {
    const replies = suggest({ ...input, post: { ...input.post, site: "reddit" } }).map((s) => s.text);
    let text = replies.join(" ");
    while (weightedLength(text) > 280) text = text.slice(0, text.lastIndexOf(" "));
    out.push({ text, lang: input.detection.lang, severity: input.detection.severity });
  }
  for (const text of faulty) out.push({ text, lang: text.startsWith("Hi") ? "en" : "fr", severity: 2 });
  return out;
}

/** Median µs per call over 15 rounds of at least `perRound` calls, after a warm-up round. */
function time<T>(items: readonly T[], call: (item: T) => unknown, perRound: number): number {
  for (const item of items) call(item);
  const perCall: number[] = [];
  for (let round = 0; round < 15; round++) {
    const start = process.hrtime.bigint();
    let n = 0;
    while (n < perRound) {
      for (const item of items) call(item);
      n += items.length;
    }
    perCall.push(Number(process.hrtime.bigint() - start) / 1000 / n);
  }
  return median(perCall);
}

export function benchSuggest(): Row[] {
  const all = inputs();
  const texts = drafts(all);
  const x = limitFor("x");
  return [
    {
      key: "suggest_us_per_complaint",
      value: time(all, suggest, 4_000),
      unit: "µs",
      note: `suggest() (3 fitted replies), ${COMPLAINTS.length} hand-written complaints × ${LIMIT_SITE_IDS.length} sites = ${all.length} inputs, median of 15 rounds`,
    },
    {
      key: "lint_us_per_draft",
      value: time(
        texts,
        (d) => lintReply(d.text, { postLang: d.lang, severity: d.severity, maxLength: x.max, measure: x.measure }),
        4_000,
      ),
      unit: "µs",
      note: `lintReply() on ${texts.length} drafts of ≤ 280 weighted characters (X's measure included), median of 15 rounds`,
    },
  ];
}
