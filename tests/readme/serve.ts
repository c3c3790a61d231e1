// README.md's TypeScript server snippet, which tests/readme/run.sh puts in
// place of the marker line below: a function errorResponse(entry, params)
// that gives fetch's standard Response. Serves those Responses with node:http
// on 127.0.0.1 at a free port, which it writes to the file named by its
// first argument once it accepts connections:
//   /quote-expired  code QUOTE_EXPIRED
//   /busy           status 503
//   any other path  status 410
import { renameSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { ERRORS_CODES, STATUSES } from "./swap_errors.js";

// README SNIPPET

function answer(path: string): Response {
  if (path === "/quote-expired") {
    return errorResponse(ERRORS_CODES.QUOTE_EXPIRED, {});
  }
  if (path === "/busy") {
    return errorResponse(STATUSES.SERVICE_UNAVAILABLE, {});
  }
  return errorResponse(STATUSES.GONE, {});
}

const server = createServer((req, res) => {
  const response = answer(req.url ?? "/");
  void response.arrayBuffer().then((body) => {
    res.statusCode = response.status;
    res.statusMessage = response.statusText;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.end(Buffer.from(body));
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const file = process.argv[2] ?? "";
  writeFileSync(`${file}.tmp`, `${port}\n`);
  renameSync(`${file}.tmp`, file);
});
