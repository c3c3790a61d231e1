// The TypeScript binding of tests/clients/clients.yaml against Node's
// clients: serves each response of responses.json from node:http on
// 127.0.0.1, fetches it with the global fetch() and with http.get(), and
// classifies it with the headers in every shape a program holds them: a
// fetch Headers, IncomingHttpHeaders, headersDistinct, a plain record and a
// Map of the raw names, and an object with get() alone. Writes one JSON line
// per response and shape.
//   node client.test.js RESPONSES OUT   (clients_errors.js beside it)
// run.sh compiles this file with tsc --strict twice: with lib DOM (whose
// Headers does not iterate without DOM.Iterable) and without it (where
// @types/node declares fetch), so every shape must type-check either way.
import { readFileSync, writeFileSync } from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as cat from "./clients_errors.js";

interface CannedResponse {
  readonly case: string;
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string | null;
}

/** One line of the comparison: what classify() made of a response. */
function answer(
  name: string,
  client: string,
  c: cat.Classification,
): Record<string, unknown> {
  const e = c.entry;
  let entry: string;
  if (e === undefined) {
    entry = "none";
  } else if (e.kind === "code") {
    entry = `code ${e.domain} ${e.name}`;
  } else if (e.kind === "fallback") {
    entry = `fallback ${e.domain}`;
  } else {
    entry = `status ${e.status}`;
  }
  const d = c.decision;
  return {
    case: name,
    client,
    entry,
    message: c.message,
    retry: d.retry,
    action: d.action,
    delay_ms: d.delayMs,
  };
}

/** The body as JSON, or null when it is empty or not JSON. */
function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** GET url with http.get(): the response and its body. */
function get(url: string): Promise<[http.IncomingMessage, string]> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve([res, text]));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

async function main(responsesPath: string, outPath: string): Promise<void> {
  const responses = JSON.parse(
    readFileSync(responsesPath, "utf8"),
  ) as CannedResponse[];
  const byCase = new Map(responses.map((r) => [r.case, r]));
  const server = http.createServer((req, res) => {
    const r = byCase.get((req.url ?? "").slice(1));
    if (r === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.sendDate = false; // the case's Date, if any, is the one
    const body = Buffer.from(r.body ?? "");
    for (const [name, value] of r.headers) {
      res.setHeader(name, value);
    }
    res.setHeader("Content-Length", body.length);
    res.writeHead(r.status).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const lines: Record<string, unknown>[] = [];
  try {
    const { port } = server.address() as AddressInfo;
    for (const r of responses) {
      const url = `http://127.0.0.1:${port}/${r.case}`;

      const fetched = await fetch(url);
      const headers = fetched.headers;
      const fetchedBody = parse(await fetched.text());
      const status = fetched.status;
      lines.push(
        answer(
          r.case,
          "fetch Headers",
          cat.classify(status, headers, fetchedBody),
        ),
        answer(
          r.case,
          "get() only",
          cat.classify(
            status,
            { get: (name) => headers.get(name) },
            fetchedBody,
          ),
        ),
      );

      const [res, text] = await get(url);
      const body = parse(text);
      const code = res.statusCode ?? 0;
      const record: Record<string, string> = {};
      const pairs = new Map<string, string>();
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
        const [name, value] = [res.rawHeaders[i], res.rawHeaders[i + 1]];
        if (name !== undefined && value !== undefined) {
          record[name] ??= value;
          if (!pairs.has(name)) pairs.set(name, value);
        }
      }
      lines.push(
        answer(
          r.case,
          "IncomingHttpHeaders",
          cat.classify(code, res.headers, body),
        ),
        answer(
          r.case,
          "headersDistinct",
          cat.classify(code, res.headersDistinct, body),
        ),
        answer(r.case, "record of raw names", cat.classify(code, record, body)),
        answer(r.case, "Map of raw names", cat.classify(code, pairs, body)),
      );
    }
  } finally {
    server.close();
  }
  writeFileSync(outPath, lines.map((l) => JSON.stringify(l) + "\n").join(""));
}

const [responsesPath, outPath] = process.argv.slice(2);
if (responsesPath === undefined || outPath === undefined) {
  throw new Error("usage: node client.test.js RESPONSES OUT");
}
await main(responsesPath, outPath);
