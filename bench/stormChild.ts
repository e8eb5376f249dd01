import { runCli } from '../src/cli/runCli.js';

/**
 * `run` in a process of its own, for `bench/storm.ts`: the command as users run it, followed by
 * one JSON line on stderr with the process's peak resident memory and its wall time.
 */
const started = performance.now();
const status = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
process.stderr.write(
  `${JSON.stringify({ kind: 'bench', status, elapsedMs: Math.round(performance.now() - started), maxRssKb: process.resourceUsage().maxRSS, cpuMs: Math.round((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000) })}\n`,
);
process.exitCode = status;
