// README.md's TypeScript snippet, which tests/readme/run.sh puts in place of
// the marker line below, after a fetch of the URL of the first argument.
// Prints the decision; a response not to retry throws SwapError out of the
// program.
const attempt = 1;
const res = await fetch(process.argv[2] ?? "");

// README SNIPPET
console.log(
  `retry=${result.decision.retry} delay_ms=${result.decision.delayMs}` +
    ` requote=${result.decision.action === "requote"}`,
);
