import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CdpConnection, type CdpEvent } from './cdp';

/** Debian's Chromium (apt install chromium; .ci/run installs it); CHROMIUM_PATH overrides. Never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser suites cannot run here, or undefined when Chromium is there and starts. */
export function chromiumMissing(): string | undefined {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  }
  const version = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (version.status !== 0) return `${CHROMIUM} --version failed: ${(version.stderr || version.error?.message || '').trim()}`;
  return undefined;
}

/** Where screenshots go (printed by the suites that write them). */
export const SHOTS_DIR = join(tmpdir(), 'tessera-browser-shots');

export interface LaunchOptions {
  /**
   * WebGL2 on SwiftShader (Chromium's CPU renderer, all headless Chromium has) for the gpu backend; without it
   * the GPU process is disabled.
   */
  webgl?: boolean;
}

const BASE_FLAGS = [
  '--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--no-default-browser-check',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--remote-debugging-pipe',
];
const WEBGL_FLAGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

/** Headless Chromium with a fresh profile, driven over the DevTools protocol. */
export class Browser {
  private constructor(private readonly proc: ChildProcess, readonly cdp: CdpConnection, private readonly profile: string, private readonly stderr: string[]) {}

  static async launch(options: LaunchOptions = {}): Promise<Browser> {
    const profile = await mkdtemp(join(tmpdir(), 'tessera-chromium-'));
    const flags = [...BASE_FLAGS, ...(options.webgl ? WEBGL_FLAGS : ['--disable-gpu']), `--user-data-dir=${profile}`, 'about:blank'];
    const proc = spawn(CHROMIUM, flags, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    proc.stderr?.setEncoding('utf8').on('data', (s: string) => stderr.push(s));
    const cdp = new CdpConnection(proc.stdio[3] as Writable, proc.stdio[4] as Readable);
    const browser = new Browser(proc, cdp, profile, stderr);
    try {
      await cdp.send('Browser.getVersion');
    } catch (e) {
      await browser.close();
      throw new Error(`Chromium (${CHROMIUM}) did not start: ${(e as Error).message}\n${stderr.join('').slice(-2000)}`);
    }
    return browser;
  }

  /** A new tab, its viewport 1000×1400. */
  async newPage(): Promise<Page> {
    const { targetId } = await this.cdp.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this.cdp, sessionId as string);
    await page.init();
    return page;
  }

  /** The browser's own log (stderr), last `chars` characters, for failure messages. */
  log(chars = 3000): string {
    return this.stderr.join('').slice(-chars);
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.proc.exitCode !== null ? resolve() : this.proc.once('exit', () => resolve())));
    await Promise.race([this.cdp.send('Browser.close').catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    await rm(this.profile, { recursive: true, force: true });
  }
}

function describeException(details: Record<string, unknown>): string {
  const ex = details.exception as { description?: string; value?: unknown } | undefined;
  return ex?.description ?? (ex?.value !== undefined ? String(ex.value) : String(details.text));
}

/** One tab: navigation, script evaluation, mouse input, screenshots, and every error its console shows. */
export class Page {
  /** Console errors, uncaught exceptions and failed loads, as the DevTools console would list them. */
  readonly errors: string[] = [];
  /** Every console message, "type: text". */
  readonly console: string[] = [];

  constructor(private readonly cdp: CdpConnection, private readonly sessionId: string) {
    cdp.on((e) => {
      if (e.sessionId !== sessionId) return;
      if (e.method === 'Runtime.consoleAPICalled') {
        const args = (e.params.args as { value?: unknown; description?: string }[]).map((a) => a.description ?? String(a.value));
        const line = `${String(e.params.type)}: ${args.join(' ')}`;
        this.console.push(line);
        if (e.params.type === 'error' || e.params.type === 'assert') this.errors.push(line);
      } else if (e.method === 'Runtime.exceptionThrown') {
        this.errors.push(`uncaught: ${describeException(e.params.exceptionDetails as Record<string, unknown>)}`);
      } else if (e.method === 'Log.entryAdded') {
        const entry = e.params.entry as { level: string; text: string; url?: string };
        if (entry.level === 'error') this.errors.push(`${entry.text}${entry.url ? ` (${entry.url})` : ''}`);
      }
    });
  }

  /** @internal */
  async init(): Promise<void> {
    await Promise.all(['Page.enable', 'Runtime.enable', 'Log.enable'].map((m) => this.send(m)));
    await this.send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 1400, deviceScaleFactor: 1, mobile: false });
  }

  private send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.cdp.send(method, params, this.sessionId);
  }

  private loaded(): Promise<CdpEvent> {
    return this.cdp.waitFor((e) => e.sessionId === this.sessionId && e.method === 'Page.loadEventFired', 'load event');
  }

  /** Navigates and resolves once the page's load event fired. */
  async goto(url: string): Promise<void> {
    const loaded = this.loaded();
    const { errorText } = await this.send('Page.navigate', { url });
    if (errorText) throw new Error(`navigating to ${url}: ${String(errorText)}`);
    await loaded;
  }

  async reload(): Promise<void> {
    const loaded = this.loaded();
    await this.send('Page.reload');
    await loaded;
  }

  /**
   * Evaluates a script expression in the page, awaiting a promise it gives, and returns its value (JSON-like
   * values only); a thrown error rejects with the page's message and stack.
   */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, userGesture: true });
    if (r.exceptionDetails) throw new Error(`in the page: ${describeException(r.exceptionDetails as Record<string, unknown>)}`);
    return (r.result as { value: T }).value;
  }

  /** Polls `expression` until it is truthy; rejects after `timeoutMs` with `what`. */
  async waitUntil(expression: string, what: string, timeoutMs = 120_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await this.evaluate<boolean>(`Boolean(${expression})`))) {
      if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${expression})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The centre of the element `selector` matches, in viewport pixels. */
  async center(selector: string): Promise<{ x: number; y: number }> {
    return this.evaluate(`(() => { const e = document.querySelector(${JSON.stringify(selector)});
      if (!e) throw new Error('no element matches ${selector.replace(/'/g, "\\'")}');
      e.scrollIntoView({ block: 'center' });
      const r = e.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`);
  }

  /** A real mouse click (pressed and released) at the centre of `selector`. */
  async click(selector: string): Promise<void> {
    const { x, y } = await this.center(selector);
    await this.mouse('mousePressed', x, y);
    await this.mouse('mouseReleased', x, y);
  }

  /** One mouse event at (x, y); while pressed, moves carry the left button. */
  async mouse(type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', x: number, y: number, pressed = type !== 'mouseReleased'): Promise<void> {
    await this.send('Input.dispatchMouseEvent', {
      type, x, y, button: type === 'mouseMoved' && !pressed ? 'none' : 'left', buttons: pressed ? 1 : 0, clickCount: type === 'mouseMoved' ? 0 : 1,
    });
  }

  /** A PNG of the viewport, written to SHOTS_DIR/name; returns its path. */
  async screenshot(name: string): Promise<string> {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
    await mkdir(SHOTS_DIR, { recursive: true });
    const path = join(SHOTS_DIR, name);
    await writeFile(path, Buffer.from(data as string, 'base64'));
    return path;
  }
}
