import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium; .ci/run installs it); CHROMIUM_PATH overrides. Never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser suites cannot run here, or undefined when Chromium is there and answers --version. */
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

/** Where screenshots go (the suites print each path they write). */
export const SHOTS_DIR = join(tmpdir(), 'tessera-browser-shots');

export interface LaunchOptions {
  /**
   * WebGL2 on SwiftShader (Chromium's CPU renderer; headless Chromium has no other) for the gpu backend;
   * without it the GPU process is disabled.
   */
  webgl?: boolean;
  /**
   * Chromium's fake camera (a generated test pattern) behind getUserMedia, with the permission prompt answered yes,
   * for tn.data.webcam.
   */
  fakeCamera?: boolean;
}

const FLAGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WEBGL_FLAGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const FAKE_CAMERA_FLAGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

/** Headless Chromium with a fresh profile (its own --user-data-dir, removed on close). */
export class Browser {
  private constructor(readonly context: BrowserContext, private readonly profile: string) {}

  static async launch(options: LaunchOptions = {}): Promise<Browser> {
    const profile = await mkdtemp(join(tmpdir(), 'tessera-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...FLAGS, ...(options.webgl ? WEBGL_FLAGS : ['--disable-gpu']), ...(options.fakeCamera ? FAKE_CAMERA_FLAGS : [])],
      viewport: { width: 1000, height: 1400 },
    });
    // Waits in pages (a model loading, a fit finishing) are slow on a loaded machine; none is a speed test.
    context.setDefaultTimeout(90_000);
    return new Browser(context, profile);
  }

  /** A new tab whose console errors, uncaught exceptions and failed requests are collected in `errors`. */
  async newPage(): Promise<{ page: Page; errors: string[] }> {
    const page = await this.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.stack ?? e.message}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
    return { page, errors };
  }

  async close(): Promise<void> {
    await this.context.close();
    await rm(this.profile, { recursive: true, force: true });
  }
}

/** A PNG of the whole page at SHOTS_DIR/name; prints and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, name);
  await page.screenshot({ path, fullPage: true });
  console.info(`[browser] screenshot: ${path}`);
  return path;
}
