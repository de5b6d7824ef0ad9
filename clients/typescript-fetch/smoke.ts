// Smoke test of the TypeScript (fetch) client generated from openapi.yaml by openapi-generator (`make languages`):
// compiled with `tsc --strict`, run with Node against memsy.local. Health, ingest, status, search, and every
// documented error body shape read with ErrorResponseFromJSON (the shapes are the contract's own examples): the
// decoded error must say what the raw body says, field for field.
import {
  Configuration,
  ErrorResponseFromJSON,
  EventKind,
  EventsApi,
  HealthApi,
  ResponseError,
  SearchApi,
} from "../../.build/languages/typescript-fetch/client/src/index";
import type { ErrorResponse, ValidationIssue } from "../../.build/languages/typescript-fetch/client/src/index";

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** The error body shapes the contract documents, as `examples` of ErrorResponse (passed in by `make languages`). */
function documentedShapes(): unknown[] {
  return JSON.parse(required("MEMSY_ERROR_EXAMPLES")) as unknown[];
}

/** A field the shape must have, read from the decoded error: a non-empty string, or the smoke fails. */
function field(value: unknown, name: string): string {
  check(typeof value === "string" && value.length > 0, `the decoded error lacks ${name}: ${JSON.stringify(value)}`);
  return value as string;
}

/** What a decoded error body says, whichever documented shape it has; fails when the shape's own field is missing
 * (a code nested under `detail` without its `error`, a validation issue without its `msg`, ...). */
function describe(error: ErrorResponse): string {
  const detail = error.detail;
  if (typeof detail === "string") return field(detail, "detail");
  if (Array.isArray(detail)) return detail.map((issue: ValidationIssue, i) => field(issue.msg, `detail[${i}].msg`)).join("; ");
  if (detail !== undefined && detail !== null) return `${field(detail.error, "detail.error")}: ${detail.message ?? ""}`;
  if (error.error !== undefined) return `${field(error.error, "error")}: ${error.message ?? ""}`;
  return field(error.message, "message");
}

/** The same reading of the raw JSON body, without the generated types: what describe() of its decoding must say. */
function expected(raw: unknown): string {
  const body = raw as Record<string, unknown>;
  const detail = body.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) return detail.map((issue) => String((issue as Record<string, unknown>).msg)).join("; ");
  if (detail !== undefined && detail !== null) {
    const nested = detail as Record<string, unknown>;
    return `${String(nested.error)}: ${nested.message ?? ""}`;
  }
  if (body.error !== undefined) return `${String(body.error)}: ${body.message ?? ""}`;
  return String(body.message);
}

/** The decoded body says what the raw body says (strict: a missing or lost field fails). */
function checkDecoded(raw: unknown, decoded: ErrorResponse): string {
  const said = describe(decoded);
  check(said === expected(raw), `decoded ${JSON.stringify(raw)} as ${JSON.stringify(said)}, expected ${JSON.stringify(expected(raw))}`);
  return said;
}

async function main(): Promise<void> {
  const host = required("MEMSY_BASE_URL").replace(/\/v1\/?$/, "");
  const config = new Configuration({ basePath: host, accessToken: required("MEMSY_API_KEY") });
  const events = new EventsApi(config);

  const health = await new HealthApi(config).getHealth();
  check(health.status === "ok", `health: ${health.status}`);
  console.log(`health ${health.status}`);

  const ingested = await events.ingestEvents({
    ingestRequest: {
      events: [
        { actorId: "tsf-user", sessionId: "tsf-1", kind: EventKind.UserMessage, content: "I prefer window seats on trains." },
        { actorId: "tsf-user", sessionId: "tsf-1", kind: EventKind.AssistantMessage, content: "Window seat it is." },
      ],
    },
  });
  check(ingested.eventIds.length === 2, "one id per event");
  console.log(`ingested ${ingested.eventIds.length} events`);

  let pending = ingested.eventIds.length;
  for (let attempt = 0; attempt < 400 && pending > 0; attempt++) {
    const status = await events.getEventStatus({ statusRequest: { eventIds: ingested.eventIds } });
    pending = status.pendingIds.length;
    if (pending > 0) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  check(pending === 0, "events still pending");
  console.log("all events processed");

  const found = await new SearchApi(config).searchMemories({
    searchRequest: { query: "window seats", actorId: "tsf-user", limit: 5 },
  });
  check(found.results.length > 0, "search found nothing");
  for (const result of found.results) console.log(`${result.score.toFixed(2)}  ${result.content}`);

  const wrongKey = new Configuration({ basePath: host, accessToken: "msy_00000000000000000000000000000000" });
  try {
    await new SearchApi(wrongKey).searchMemories({ searchRequest: { query: "x" } });
    check(false, "a wrong key must be refused");
  } catch (error) {
    check(error instanceof ResponseError && error.response.status === 401, `expected a 401, got ${String(error)}`);
    const response = (error as ResponseError).response;
    const requestId = response.headers.get("X-Request-Id") ?? "";
    check(requestId !== "", "the 401 carries X-Request-Id");
    const raw: unknown = await response.json();
    const body = ErrorResponseFromJSON(raw);
    check(typeof body.detail === "string", "the 401 detail is a message");
    console.log(`401 decoded into ErrorResponse: ${checkDecoded(raw, body)} (request ${requestId})`);
  }

  const shapes = documentedShapes();
  check(shapes.length >= 5, "the contract documents every error shape as an example");
  for (const shape of shapes) checkDecoded(shape, ErrorResponseFromJSON(shape));
  console.log(`${shapes.length} documented error shapes read with ErrorResponseFromJSON`);
  console.log("TypeScript (fetch) client OK");
}

main().catch((error: unknown) => {
  console.error(`typescript-fetch smoke: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
