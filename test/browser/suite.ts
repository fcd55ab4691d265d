import { serveDemo, type DemoServer, type ServeOptions } from '../../examples/browser/server';
import { vi } from 'vitest';
import { describeRequired } from '../required-suite';
import { Browser, chromiumMissing, type LaunchOptions } from './chromium';

/** Why Chromium cannot run here (undefined when it can). */
const noChromium = chromiumMissing();

/**
 * A browser suite: it runs wherever Chromium is; without it, it skips saying why, or fails with the reason
 * under CI=true or TESSERA_REQUIRE_BROWSER=1.
 */
export function describeBrowser(title: string, body: () => void): void {
  // Building the bundles, starting Chromium and training in a page take tens of seconds on a loaded 2-core machine.
  vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });
  describeRequired(title, 'TESSERA_REQUIRE_BROWSER', noChromium ? { available: false, reason: noChromium } : { available: true }, body);
}

/** The page scripts every suite serves besides the demo: the page-side checks. */
const SCRIPTS = { '/page-checks.js': 'test/browser/page-checks.ts' };

/** A served demo (with the checks and serve.scripts) and a Chromium pointed at it; close() stops both. */
export async function openBrowser(serve: ServeOptions = {}, launch: LaunchOptions = {}): Promise<{ server: DemoServer; browser: Browser; close(): Promise<void> }> {
  const server = await serveDemo({ ...serve, scripts: { ...SCRIPTS, ...serve.scripts } });
  const browser = await Browser.launch(launch).catch(async (e: unknown) => { await server.close(); throw e; });
  return { server, browser, close: async () => { await browser.close(); await server.close(); } };
}

/** Loads the bare page with the library and the checks; call checks as `tesseraChecks.name(...)` in page.evaluate. */
export const LOAD_CHECKS = `import('/page-checks.js').then(() => true)`;
