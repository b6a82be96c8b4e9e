import { useEffect, useState } from "preact/hooks";
import { DEFAULT_PLAYBOOK, type Playbook } from "@/lib/suggest/playbook";
import { getPlaybook, watchPlaybook } from "@/lib/suggest/store";

/** The team's playbook, live: a save in the options page (or, later, from sync) shows at once in the side panel. */
export function usePlaybook(): Playbook {
  const [playbook, setPlaybook] = useState<Playbook>(DEFAULT_PLAYBOOK);
  useEffect(() => {
    let live = true;
    void getPlaybook().then((p) => live && setPlaybook(p));
    const unwatch = watchPlaybook(setPlaybook);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return playbook;
}
