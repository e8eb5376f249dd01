import { triage } from '../src/pipeline/triage.js';
import { generateRecords, type GenerateOptions } from './generateRecords.js';

/**
 * `npm run bench`: throughput of decode + parse + classify + explain on generated inputs of
 * 100,000 records, beside `JSON.parse` alone on the same bytes. Median of several alternating
 * runs after a warm-up, with a full GC before each timing; figures only, no pass/fail.
 */
const RECORDS = Number(process.env['BENCH_RECORDS'] ?? 100_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
function time(fn: () => void): number {
  gc();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function measure(label: string, options: GenerateOptions): void {
  const input = generateRecords(RECORDS, options);
  const parseOnly: number[] = [];
  const pipeline: number[] = [];
  let findings = 0;
  for (let run = 0; run <= RUNS; run += 1) {
    const p = time(() => {
      for (const body of input.bodies) JSON.parse(body.toString('utf8'));
    });
    const t = time(() => {
      findings = triage(input.bodies.map((body, bodyIndex) => ({ body, origin: { bodyIndex } }))).stats.findings;
    });
    if (run > 0) {
      parseOnly.push(p);
      pipeline.push(t);
    }
  }
  const mb = input.bytes / 1e6;
  const parseMs = median(parseOnly);
  const triageMs = median(pipeline);
  const rate = (ms: number) => Math.round(RECORDS / (ms / 1000)).toLocaleString('en');
  console.log(
    `\n${label}: ${RECORDS.toLocaleString('en')} records in ${input.bodies.length} bodies, ${mb.toFixed(1)} MB, ${findings.toLocaleString('en')} failures`,
  );
  console.log(
    `  JSON.parse alone               ${parseMs.toFixed(0).padStart(6)} ms  ${rate(parseMs).padStart(9)} records/s  ${(mb / (parseMs / 1000)).toFixed(0).padStart(4)} MB/s`,
  );
  console.log(
    `  decode+parse+classify+explain  ${triageMs.toFixed(0).padStart(6)} ms  ${rate(triageMs).padStart(9)} records/s  ${(mb / (triageMs / 1000)).toFixed(0).padStart(4)} MB/s  ${Math.round(findings / (triageMs / 1000)).toLocaleString('en')} enriched events/s`,
  );
  console.log(`  pipeline rate / JSON.parse rate ${(parseMs / triageMs).toFixed(2)}  (goal ≥ 0.25)`);
}

console.log(`Node ${process.version}, median of ${RUNS} runs${gc === undefined ? '' : ', GC before each timing'}`);
measure('A day of an estate (10 % failures, 20,000 VMs)', { failureRate: 0.1 });
measure('A failure storm (every record a failed job, 20,000 VMs)', { failureRate: 1 });
