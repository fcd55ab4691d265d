import { describe, expect, it } from 'vitest';
import { gate, suiteRequired } from './required-suite';

describe('required-suite gating', () => {
  const missing = { available: false, reason: 'no gl' } as const;

  it('requires a suite under CI or under its own flag, and nowhere else', () => {
    for (const ci of ['true', '1', 'yes', 'TRUE']) expect(suiteRequired('TESSERA_REQUIRE_GPU', { CI: ci }), ci).toBe(true);
    for (const ci of [undefined, '', '0', 'false', 'False']) expect(suiteRequired('TESSERA_REQUIRE_GPU', { CI: ci }), String(ci)).toBe(false);
    expect(suiteRequired('TESSERA_REQUIRE_GPU', { TESSERA_REQUIRE_GPU: '1' })).toBe(true);
    expect(suiteRequired('TESSERA_REQUIRE_GPU', { TESSERA_REQUIRE_BROWSER: '1' })).toBe(false);
  });

  it('fails a required suite with the reason, skips an optional one, runs an available one', () => {
    expect(gate(missing, 'TESSERA_REQUIRE_GPU', { CI: 'true' })).toEqual({ action: 'fail', reason: 'no gl' });
    expect(gate(missing, 'TESSERA_REQUIRE_GPU', { TESSERA_REQUIRE_GPU: '1' })).toEqual({ action: 'fail', reason: 'no gl' });
    expect(gate(missing, 'TESSERA_REQUIRE_GPU', {})).toEqual({ action: 'skip', reason: 'no gl' });
    expect(gate({ available: true }, 'TESSERA_REQUIRE_GPU', { CI: 'true' })).toEqual({ action: 'run' });
  });
});
