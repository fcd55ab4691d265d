import type { Readable, Writable } from 'node:stream';

/** A DevTools protocol event: method, params, and the session (page) it came from. */
export interface CdpEvent { method: string; params: Record<string, unknown>; sessionId?: string }

type Pending = { resolve: (result: Record<string, unknown>) => void; reject: (e: Error) => void; method: string };

/**
 * The Chrome DevTools Protocol over Chromium's --remote-debugging-pipe: JSON messages separated by NUL bytes,
 * commands written to the browser's fd 3, answers and events read from its fd 4. No WebSocket and no
 * dependency. Commands for a page carry its flat-mode sessionId.
 */
export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(e: CdpEvent) => void>();
  private buffered = '';
  private closedWith: Error | undefined;

  constructor(private readonly toBrowser: Writable, fromBrowser: Readable) {
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk: string) => this.receive(chunk));
    fromBrowser.on('close', () => this.fail(new Error('CDP: the browser closed its pipe')));
    toBrowser.on('error', (e: Error) => this.fail(e));
  }

  /** Sends a command and resolves to its result; rejects with the protocol's error message. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) })}\0`);
    });
  }

  /** Calls `listener` for every event until the returned function is called. */
  on(listener: (e: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next event `match` accepts (after this call), or a rejection after `timeoutMs`. */
  waitFor(match: (e: CdpEvent) => boolean, what: string, timeoutMs = 60_000): Promise<CdpEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { off(); reject(new Error(`CDP: no ${what} within ${timeoutMs} ms`)); }, timeoutMs);
      const off = this.on((e) => {
        if (!match(e)) return;
        clearTimeout(timer);
        off();
        resolve(e);
      });
    });
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end: number;
    while ((end = this.buffered.indexOf('\0')) >= 0) {
      const text = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      const msg = JSON.parse(text) as { id?: number; result?: Record<string, unknown>; error?: { message: string; data?: string } } & Partial<CdpEvent>;
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`CDP ${p.method}: ${msg.error.message}${msg.error.data ? ` (${msg.error.data})` : ''}`));
        else p?.resolve(msg.result ?? {});
      } else if (msg.method) {
        for (const l of [...this.listeners]) l({ method: msg.method, params: msg.params ?? {}, sessionId: msg.sessionId });
      }
    }
  }

  private fail(e: Error): void {
    this.closedWith ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
