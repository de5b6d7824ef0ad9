// A TypeScript client generated from openapi.yaml (openapi-typescript + openapi-fetch), compiled with
// `tsc --strict`, doing what a user would: ingest, wait for processing, search, connect a data source. `make ts-client` runs it
// against memsy.local; it exits non-zero when anything does not hold.
import createClient from "openapi-fetch";
import type { components, paths } from "../../.build/ts-client/schema.js";

declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

type EventPayload = components["schemas"]["EventPayload"];

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

const host = required("MEMSY_BASE_URL").replace(/\/v1\/?$/, "");
const memsy = createClient<paths>({
  baseUrl: host,
  headers: { Authorization: `Bearer ${required("MEMSY_API_KEY")}` },
});

const events: EventPayload[] = [
  { actor_id: "ts-user", session_id: "ts-1", kind: "user_message", content: "I prefer window seats on trains." },
  { actor_id: "ts-user", session_id: "ts-1", kind: "assistant_message", content: "Window seat it is." },
];

const ingested = await memsy.POST("/v1/ingest", { body: { events } });
check(ingested.response.status === 200 && ingested.data !== undefined, `ingest failed: ${ingested.response.status}`);
const eventIds: string[] = ingested.data?.event_ids ?? [];
check(eventIds.length === events.length, "one id per event");
console.log(`ingested ${eventIds.length} events (rate limit remaining ${ingested.response.headers.get("X-RateLimit-Remaining")})`);

let pending = eventIds.length;
for (let attempt = 0; attempt < 200 && pending > 0; attempt++) {
  const status = await memsy.POST("/v1/status", { body: { event_ids: eventIds } });
  check(status.data !== undefined, "status failed");
  pending = status.data?.pendingIds.length ?? 0;
  if (pending > 0) await new Promise((resolve) => setTimeout(resolve, 25));
}
check(pending === 0, "events still pending");
console.log("all events processed");

const found = await memsy.POST("/v1/search", {
  body: { query: "window seats", actor_id: "ts-user", include_source_events: true, limit: 5 },
});
const results = found.data?.results ?? [];
check(results.length > 0, "search found nothing");
for (const result of results) {
  const sources = result.metadata?.source_events ?? [];
  console.log(`${result.score.toFixed(2)}  ${result.content}  (from ${sources.map((s) => s.kind).join(", ")})`);
}

const invalid = await memsy.POST("/v1/search", { body: { query: "x", limit: 1000 } });
check(invalid.response.status === 422, "limit 1000 must be refused");

// Connectors: connect Notion, give consent as a browser does (fetch follows the redirect), list what it offers.
const providers = await memsy.GET("/api/connectors/providers");
check((providers.data?.providers ?? []).includes("notion"), "notion is a provider");
const connection = await memsy.POST("/api/connectors/{provider}/connect", { params: { path: { provider: "notion" } } });
const connectorId = connection.data?.connector_id ?? "";
check(connection.response.status === 200 && connectorId !== "", `connect failed: ${connection.response.status}`);
const path = { params: { path: { connector_id: connectorId } } };
const early = await memsy.GET("/api/connectors/{connector_id}/resources", path);
check(early.response.status === 409, "resources before consent must be a 409");
const consent = await fetch(connection.data?.authorize_url ?? "");
check(consent.status === 200 && consent.redirected, "consent with one GET, following the redirect");
const offered = await memsy.GET("/api/connectors/{connector_id}/resources", path);
const workspaces: components["schemas"]["ConnectorResourceItem"][] = offered.data?.resources ?? [];
check(workspaces.length > 0, "a connected Notion offers workspaces");
console.log(`connector ${connectorId}: ${workspaces.map((w) => w.name).join(", ")}`);
console.log("TypeScript client OK");
