/**
 * Complaint detection with the built-in lexicon installed: what every caller imports (background, pages, the
 * command-line tools, tests). The content scripts import ./detect.ts and install the lexicon they fetch
 * (model/lexicon-v1.json), so their bundle does not carry its words.
 */
import { installLexicon } from "./analyse";
import { LEXICON_WORDS } from "./lexicon";

installLexicon(LEXICON_WORDS);

export * from "./detect";
