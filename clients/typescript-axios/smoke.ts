// Smoke test of the TypeScript (axios) client generated from openapi.yaml by openapi-generator (`make languages`):
// compiled with `tsc --strict`, run with Node against memsy.local. Health, ingest, status, search, a 401 body read
// as ErrorResponse, and every documented error shape (the contract's examples) read through the ErrorResponse type.
// axios hands bodies over as parsed JSON; the generated interfaces must describe every shape.
import { isAxiosError } from "axios";
import {
  Configuration,
  EventKind,
  EventsApi,
  HealthApi,
  SearchApi,
} from "../../.build/languages/typescript-axios/client/index";
import type { ErrorResponse, ValidationIssue } from "../../.build/languages/typescript-axios/client/index";

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** What an error body says, whichever documented shape it has. */
function describe(error: ErrorResponse): string {
  const detail = error.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) return detail.map((issue: ValidationIssue) => issue.msg).join("; ");
  if (detail !== undefined) return `${detail.error}: ${detail.message ?? ""}`;
  return error.error !== undefined ? `${error.error}: ${error.message ?? ""}` : error.message ?? "";
}

async function main(): Promise<void> {
  const host = required("MEMSY_BASE_URL").replace(/\/v1\/?$/, "");
  const config = new Configuration({ basePath: host, accessToken: required("MEMSY_API_KEY") });
  const events = new EventsApi(config);

  const health = (await new HealthApi(config).getHealth()).data;
  check(health.status === "ok", `health: ${health.status}`);
  console.log(`health ${health.status}`);

  const ingested = (
    await events.ingestEvents({
      events: [
        { actor_id: "tsa-user", session_id: "tsa-1", kind: EventKind.UserMessage, content: "I prefer window seats on trains." },
        { actor_id: "tsa-user", session_id: "tsa-1", kind: EventKind.AssistantMessage, content: "Window seat it is." },
      ],
    })
  ).data;
  check(ingested.event_ids.length === 2, "one id per event");
  console.log(`ingested ${ingested.event_ids.length} events`);

  let pending = ingested.event_ids.length;
  for (let attempt = 0; attempt < 400 && pending > 0; attempt++) {
    pending = (await events.getEventStatus({ event_ids: ingested.event_ids })).data.pendingIds.length;
    if (pending > 0) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  check(pending === 0, "events still pending");
  console.log("all events processed");

  const found = (await new SearchApi(config).searchMemories({ query: "window seats", actor_id: "tsa-user", limit: 5 })).data;
  check(found.results.length > 0, "search found nothing");
  for (const result of found.results) console.log(`${result.score.toFixed(2)}  ${result.content}`);

  const wrongKey = new Configuration({ basePath: host, accessToken: "msy_00000000000000000000000000000000" });
  try {
    await new SearchApi(wrongKey).searchMemories({ query: "x" });
    check(false, "a wrong key must be refused");
  } catch (error) {
    check(isAxiosError(error) && error.response?.status === 401, `expected a 401, got ${String(error)}`);
    const body = (error as { response: { data: ErrorResponse } }).response.data;
    check(typeof body.detail === "string" && body.detail.length > 0, "401 detail is not a message");
    console.log(`401 read as ErrorResponse: ${describe(body)}`);
  }

  const shapes = JSON.parse(required("MEMSY_ERROR_EXAMPLES")) as ErrorResponse[];
  check(shapes.length >= 5, "the contract documents every error shape as an example");
  for (const shape of shapes) check(describe(shape).length > 0, `documented shape not read: ${JSON.stringify(shape)}`);
  console.log(`${shapes.length} documented error shapes read through ErrorResponse`);
  console.log("TypeScript (axios) client OK");
}

main().catch((error: unknown) => {
  console.error(`typescript-axios smoke: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
