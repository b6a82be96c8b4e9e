/**
 * Page detectors, github-url-detection style, shared by the adapters: a detector is a pure function of a URL that
 * carries the example URLs it must recognise. Each site's tests run every detector against every other
 * detector's examples, so two detectors cannot claim one page.
 */
import type { Detector, UrlLike } from "./types";

export function parseUrl(url: UrlLike): URL | null {
  try {
    return new URL(typeof url === "string" ? url : url.href);
  } catch {
    return null;
  }
}

/** Path segments without empty ones, so "/r/acme/" is ["r", "acme"]. */
export function segments(url: URL): string[] {
  return url.pathname.split("/").filter(Boolean);
}

/**
 * A detector for pages of hosts `onHost` accepts (http and https only): `test` runs on the parsed URL, `miss`
 * is the answer elsewhere.
 */
export function detector<T>(
  onHost: (url: URL) => boolean,
  test: (url: URL) => T,
  miss: T,
  examples: readonly string[],
): Detector<T> {
  const detect = (url: UrlLike): T => {
    const parsed = parseUrl(url);
    if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:") || !onHost(parsed)) return miss;
    return test(parsed);
  };
  return Object.assign(detect, { examples });
}

/** A detector's answer counts as a hit unless it is false or null. */
export function isHit(value: unknown): boolean {
  return value !== false && value !== null && value !== undefined;
}

/** The name of the first detector that recognises `url`, or null. */
export function firstKind(pages: Readonly<Record<string, Detector<unknown>>>, url: UrlLike): string | null {
  for (const [name, detect] of Object.entries(pages)) if (isHit(detect(url))) return name;
  return null;
}
