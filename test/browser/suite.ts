import { serveDemo, type DemoServer, type ServeOptions } from '../../examples/browser/server';
import { Browser, chromiumMissing, type LaunchOptions } from './chromium';

/** Why Chromium cannot run here (undefined when it can). */
export const noChromium = chromiumMissing();
const inCI = process.env.CI === 'true';
/**
 * Browser suites run wherever Chromium is; outside CI a missing Chromium skips them, saying why. Under CI=true
 * it does not skip: the suite's setup throws the reason, so the run fails.
 */
export const skipBrowser = noChromium !== undefined && !inCI;
if (skipBrowser) console.warn(`[browser tests skipped] ${noChromium}`);

/** The page scripts every suite serves besides the demo: the page-side checks. */
const SCRIPTS = { '/page-checks.js': 'test/browser/page-checks.ts' };

/** A served demo and a Chromium pointed at it; close() stops both. */
export async function openBrowser(serve: ServeOptions = {}, launch: LaunchOptions = {}): Promise<{ server: DemoServer; browser: Browser; close(): Promise<void> }> {
  if (noChromium) throw new Error(`the browser suites need Chromium: ${noChromium}`);
  const server = await serveDemo({ ...serve, scripts: SCRIPTS });
  const browser = await Browser.launch(launch).catch(async (e: unknown) => { await server.close(); throw e; });
  return { server, browser, close: async () => { await browser.close(); await server.close(); } };
}

/** Loads the bare page with the library and the checks; call checks as `tesseraChecks.name(...)` in page.evaluate. */
export const LOAD_CHECKS = `import('/page-checks.js').then(() => true)`;
