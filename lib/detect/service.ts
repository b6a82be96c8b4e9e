/**
 * The detector as the background serves it to the content scripts of every tab (message `posts/classify`): the
 * model is loaded once per worker and its code stays warm. A page then pays for finding, reading and marking its
 * posts, not for installing the lexicon, decoding the model and running the detector cold on each load (that was
 * 0.1–0.2 s of scripting per page on the bench's light pages, bench/pages.ts).
 */
import { brandHandleSet } from "../content/answered";
import type { Detection, PostSnapshot } from "../schemas";
import { detect, loadModelFromBytes, type Model } from "./index";

/** The settings a verdict depends on (lib/page-settings.ts). */
export interface JudgeSettings {
  readonly brandHandles: readonly string[];
  readonly brandKeywords: readonly string[];
  readonly complaintThreshold: number;
}

/** The verdicts on `posts`, in order. The brand's own posts ("sorry for the outage…") are answers, never complaints. */
export function judgePosts(
  posts: readonly PostSnapshot[],
  settings: JudgeSettings,
  model: Model | undefined,
): Detection[] {
  const brand = brandHandleSet(settings.brandHandles);
  return posts.map((post) => {
    const detection = detect(
      post.text,
      {
        langAttr: post.langAttr,
        brandHandles: settings.brandHandles,
        brandKeywords: settings.brandKeywords,
        metrics: post.metrics,
        threshold: settings.complaintThreshold,
      },
      model,
    );
    const own = brand.has(post.author.replace(/^@/, "").toLowerCase());
    return detection.complaint && own ? { ...detection, complaint: false } : detection;
  });
}

/**
 * The trained model at `url`, fetched and decoded once (the promise is kept); undefined when it cannot be read,
 * and the lexicon baseline judges (said once in the console).
 */
export function modelLoader(url: string, fetcher: typeof fetch = fetch): () => Promise<Model | undefined> {
  let loading: Promise<Model | undefined> | undefined;
  return () => {
    loading ??= (async () => {
      try {
        const response = await fetcher(url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return loadModelFromBytes(new Uint8Array(await response.arrayBuffer()));
      } catch (error) {
        console.warn("Apaise: complaint model not loaded, using the lexicon baseline:", error);
        return undefined;
      }
    })();
    return loading;
  };
}
