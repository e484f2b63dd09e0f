// Runs every project's tests through Nx, then prints one closing line summed over all projects
// ("N passed, N failed, N skipped") from the JSON reports each project's vitest writes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const reports = join(root, '.test-results');
rmSync(reports, { recursive: true, force: true });

const args = ['nx', 'run-many', '-t', 'test', '--parallel=1', '--outputStyle=stream', ...process.argv.slice(2)];
const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });

let passed = 0, failed = 0, skipped = 0;
const perProject = [];
if (existsSync(reports)) {
  for (const file of readdirSync(reports).filter((f) => f.endsWith('.json')).sort()) {
    const r = JSON.parse(readFileSync(join(reports, file), 'utf8'));
    const s = r.numPendingTests + r.numTodoTests;
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += s;
    perProject.push(`${file.replace(/\.json$/, '').padEnd(14)} ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
}
console.log('\n' + perProject.join('\n'));
const code = run.status ?? 1;
if (code !== 0 && failed === 0) failed = 1; // a project that crashed before reporting still fails the run
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(code);
