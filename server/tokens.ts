/** Team tokens: 32 random bytes, base64url, prefixed `apt_`; the database keeps only their SHA-256. */
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "apt_";

export function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** Lowercase hex SHA-256 of the token, as stored in `agents.token_hash`. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A short random id with a readable prefix, e.g. `team_Xk3…`, `agt_9fQ…` (well under the protocol's 64 chars). */
export function newId(prefix: "team" | "agt"): string {
  return `${prefix}_${randomBytes(12).toString("base64url")}`;
}
