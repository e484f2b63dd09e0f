// A separate process that loads HTTP GET endpoints on loopback and prints one JSON line per target:
// requests, errors, req/s, p50 and p99 latency (ms). Bounded: each target runs `seconds` at most.
// usage: tsx bench/load-client.ts <base-url> <connections> <seconds> <path> [<path>...]
import http from 'node:http';

const [base, connArg, secArg, ...paths] = process.argv.slice(2);
if (!base || !connArg || !secArg || paths.length === 0) throw new Error('usage: load-client <base-url> <connections> <seconds> <path>...');
const connections = Number(connArg);
const seconds = Number(secArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

for (const path of paths) {
  const url = `${base}${path}`;
  for (let i = 0; i < connections; i++) await get(url); // warm-up: one request per connection
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const status = await get(url).catch(() => 0);
        latencies.push(performance.now() - t);
        if (status !== 200) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({ path, requests: latencies.length, errors, reqPerSec: latencies.length / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) })}\n`,
  );
}
agent.destroy();
