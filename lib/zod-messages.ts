/**
 * zod/mini ships without error texts (to stay small in the content script). Extension pages and the background,
 * where errors are shown or logged, load the English texts once.
 */
import { en } from "zod/locales";
import * as z from "zod/mini";

z.config(en());
