/**
 * Complaint detection with the built-in lexicon installed: what every caller imports (the background, which judges
 * the posts of every tab for their content scripts, pages, the command-line tools, tests).
 */
import { installLexicon } from "./analyse";
import { LEXICON_WORDS } from "./lexicon";

installLexicon(LEXICON_WORDS);

export * from "./detect";
