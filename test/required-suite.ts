import { describe, it } from 'vitest';

/**
 * Gating for suites that need something the machine may lack (a GL context, a display, Chromium).
 * Outside CI such a suite skips and prints why; under CI (CI=true, as `.ci/run` sets) or with its
 * own flag (e.g. TESSERA_REQUIRE_GPU=1) a missing prerequisite is a failing test carrying the
 * reason, so a broken install can never turn into a green run.
 */

/** Whether the suite can run here, and if not, why. */
export type Prerequisite = { available: true } | { available: false; reason: string };

export type Gate = { action: 'run' } | { action: 'skip' | 'fail'; reason: string };

function env(): Record<string, string | undefined> {
  return typeof process !== 'undefined' ? process.env : {};
}

/** True under CI (any CI value but '', '0', 'false') or when `flag` is '1'. */
export function suiteRequired(flag: string, vars: Record<string, string | undefined> = env()): boolean {
  const ci = (vars.CI ?? '').trim().toLowerCase();
  return (ci !== '' && ci !== '0' && ci !== 'false') || vars[flag] === '1';
}

/** What to do with a suite: run it, skip it (outside CI), or fail it (required here but not runnable). */
export function gate(prerequisite: Prerequisite, flag: string, vars: Record<string, string | undefined> = env()): Gate {
  if (prerequisite.available) return { action: 'run' };
  return { action: suiteRequired(flag, vars) ? 'fail' : 'skip', reason: prerequisite.reason };
}

/**
 * `describe(title, body)` when the prerequisite holds; otherwise a skipped suite (title says why) or,
 * where the suite is required, one failing test whose error names the flag and the reason.
 */
export function describeRequired(title: string, flag: string, prerequisite: Prerequisite, body: () => void): void {
  const g = gate(prerequisite, flag);
  if (g.action === 'run') {
    describe(title, body);
  } else if (g.action === 'skip') {
    console.warn(`[skipped] ${title}: ${g.reason} (required under CI=true or ${flag}=1)`);
    describe.skip(`${title} (skipped: ${g.reason})`, body);
  } else {
    describe(title, () => {
      it('has what it needs to run (required under CI=true or ' + flag + '=1)', () => {
        throw new Error(`${title} cannot run here, and this run requires it: ${g.reason}`);
      });
    });
  }
}
