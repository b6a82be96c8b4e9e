/** Which colleagues hold which posts, from the claims the team endpoint handed back. Pure. */
import type { ClaimRow } from "../db";
import { claimHolds } from "./protocol";

export interface ColleagueClaim {
  key: string;
  agent: string;
  state: "answering" | "answered";
}

/** Claims by someone else that hold at `now`: "answered" for good, "answering" until it expires. */
export function colleagueClaims(
  claims: readonly ClaimRow[],
  myAgentId: string | null | undefined,
  now: number,
): ColleagueClaim[] {
  const out: ColleagueClaim[] = [];
  for (const c of claims) {
    if (c.agentId === myAgentId || !claimHolds(c, now)) continue;
    out.push({ key: c.key, agent: c.agent, state: c.state === "answered" ? "answered" : "answering" });
  }
  return out;
}
