// `npm test`: type-check, then vitest. Without a display but with xvfb-run (Debian's xvfb), the run
// gets a virtual one so the gpu tests reach headless-gl; otherwise they skip and say why, or fail
// with the reason under CI=true / TESSERA_REQUIRE_GPU=1 (test/required-suite.ts).
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

const typecheck = run('npx', ['tsc', '--noEmit', '-p', '.']);
if (typecheck !== 0) process.exit(typecheck);

const vitest = ['vitest', 'run', ...process.argv.slice(2)];
const status = !process.env.DISPLAY && has('xvfb-run') ? run('xvfb-run', ['-a', 'npx', ...vitest]) : run('npx', vitest);
process.exit(status);
