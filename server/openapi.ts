/**
 * `GET /openapi.json`: an OpenAPI 3.1 document generated from the protocol's Zod schemas (Zod 4's JSON Schema
 * output is draft 2020-12, which OpenAPI 3.1 uses as is), so the document cannot drift from what the code checks.
 */
import * as z from "zod/mini";
import {
  Change,
  Cursor,
  ErrorBody,
  MAX_BATCH,
  MAX_BODY_BYTES,
  Me,
  PlaybookData,
  Rejection,
  ServerChange,
  SyncResponse,
} from "../lib/sync/protocol";
import { ENTRIES_DEFAULT_LIMIT, ENTRIES_MAX_LIMIT, EntriesResponse, Health } from "./api-schemas";

/** The request body as the server reads it: the protocol's SyncRequest, with each change described. */
const SyncRequest = z.object({
  cursor: Cursor,
  changes: z.array(Change).check(z.maxLength(MAX_BATCH)),
});

const SCHEMAS = {
  Change,
  ServerChange,
  Rejection,
  SyncRequest,
  SyncResponse,
  Me,
  ErrorBody,
  PlaybookData,
  EntriesResponse,
  Health,
} as const;

type Json = Record<string, unknown>;

function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
    // What a receiver accepts: unknown properties are ignored (stripped), so readers of either end stay compatible.
    io: "input",
  }) as { schemas: Record<string, Json> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema;
      return [id, rest];
    }),
  );
}

const ref = (id: keyof typeof SCHEMAS) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: keyof typeof SCHEMAS) => ({ "application/json": { schema: ref(id) } });
const error = (description: string) => ({ description, content: json("ErrorBody") });

function buildDocument(): Json {
  const auth = [{ bearer: [] }];
  const unauthorized = error("Missing or unknown bearer token (`unauthorized`).");
  return {
    openapi: "3.1.0",
    info: {
      title: "Apaise team sync endpoint",
      version: "1.0.0",
      description:
        "The reference endpoint of Apaise's team sync protocol (lib/sync/protocol.ts, docs/sync-protocol.md). " +
        "Every error answer is `{ error: { code, message } }`.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A team token (`apt_…`) made by `npm run server:admin -- add-agent`.",
        },
      },
      schemas: componentSchemas(),
    },
    paths: {
      "/health": {
        get: {
          summary: "Liveness and database check",
          operationId: "health",
          responses: {
            "200": { description: "The server and its database answer.", content: json("Health") },
            "503": error("The database does not answer (`unavailable`)."),
          },
        },
      },
      "/openapi.json": {
        get: {
          summary: "This document",
          operationId: "openapi",
          responses: { "200": { description: "OpenAPI 3.1 document.", content: { "application/json": {} } } },
        },
      },
      "/v1/me": {
        get: {
          summary: "Who a token is: its team and its agent",
          operationId: "me",
          security: auth,
          responses: {
            "200": { description: "The token's team and agent.", content: json("Me") },
            "401": unauthorized,
          },
        },
      },
      "/v1/sync": {
        post: {
          summary: "One sync round trip: push a batch, pull what is new since the cursor",
          operationId: "sync",
          security: auth,
          requestBody: {
            required: true,
            description: `At most ${MAX_BATCH} changes, at most ${MAX_BODY_BYTES} bytes.`,
            content: json("SyncRequest"),
          },
          responses: {
            "200": {
              description:
                "What was accepted (stored now or before), what was rejected and why, and the changes after the " +
                "cursor this token may read.",
              content: json("SyncResponse"),
            },
            "400": error(
              "`invalid-json`, `invalid-request` (not a SyncRequest), or `invalid-batch`: some change fails the " +
                "Change schema; `error.rejected` names each, and nothing of the batch was stored.",
            ),
            "401": unauthorized,
            "413": error(`The body is larger than ${MAX_BODY_BYTES} bytes (\`payload-too-large\`).`),
          },
        },
      },
      "/v1/entries": {
        get: {
          summary: "The team's reply log, each entry with its latest outcome merged in",
          operationId: "entries",
          security: auth,
          parameters: [
            {
              name: "agent",
              in: "query",
              description: "One agent's entries. An agent token reads its own only; a manager, any of the team.",
              schema: { type: "string", maxLength: 64 },
            },
            {
              name: "since",
              in: "query",
              description: "Entries with a sequence after this one (a previous answer's `cursor`).",
              schema: { type: "string", pattern: "^(0|[1-9][0-9]{0,18})$", default: "0" },
            },
            {
              name: "limit",
              in: "query",
              schema: { type: "integer", minimum: 1, maximum: ENTRIES_MAX_LIMIT, default: ENTRIES_DEFAULT_LIMIT },
            },
          ],
          responses: {
            "200": { description: "A page of entries, oldest first.", content: json("EntriesResponse") },
            "400": error("A bad query parameter (`invalid-request`)."),
            "401": unauthorized,
            "403": error("An agent token asked for another agent's entries (`forbidden`)."),
            "404": error("No such agent in this team (`not-found`)."),
          },
        },
      },
      "/v1/playbook": {
        get: {
          summary: "The team's current playbook (the data of the latest playbook change)",
          operationId: "playbook",
          security: auth,
          responses: {
            "200": { description: "The latest playbook.", content: json("PlaybookData") },
            "401": unauthorized,
            "404": error("No playbook was pushed for this team yet (`not-found`)."),
          },
        },
      },
    },
  };
}

let cached: Json | undefined;

/** The document (built once: the schemas do not change while the process runs). */
export function openApiDocument(): Json {
  cached ??= buildDocument();
  return cached;
}
