// Minimal in-memory stand-ins for the browser APIs the io handlers use, so they run under Node.

/** A fake web server: GET serves `files` by URL, POST records the form data it receives. */
export class FakeServer {
  readonly files = new Map<string, Uint8Array>();
  readonly requests: { url: string; init: RequestInit | undefined }[] = [];
  /** Requests that sent a body (POST, PUT). */
  readonly posts: { url: string; form: FormData }[] = [];

  readonly fetch = async (input: string, init?: object): Promise<Response> => {
    const req = init as RequestInit | undefined;
    this.requests.push({ url: input, init: req });
    if (!/^https?:\/\//.test(input)) throw new TypeError(`Failed to parse URL from ${input}`);
    if (input.startsWith('https://unreachable.example')) throw new TypeError('fetch failed');
    if (req?.method !== undefined && req.method !== 'GET') {
      this.posts.push({ url: input, form: req.body as FormData });
      return new Response('{}', { status: 200 });
    }
    // As fetch does, dot segments are resolved ('a/./b' is 'a/b').
    const body = this.files.get(new URL(input).href);
    return body ? new Response(body as Uint8Array<ArrayBuffer>, { status: 200 }) : new Response('not found', { status: 404, statusText: 'Not Found' });
  };
}

/** The Web Storage API over a Map, with an optional quota in characters. */
export class FakeStorage {
  private readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    const used = [...this.items].reduce((n, [key, value]) => n + (key === k ? 0 : key.length + value.length), 0);
    if (used + k.length + v.length > this.quota) throw new Error("QuotaExceededError: Failed to execute 'setItem' on 'Storage'");
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
  keys(): string[] {
    return [...this.items.keys()];
  }
}

type Handler = (() => void) | null;

/** An IDBRequest that succeeds (or fails) on a later task, as real ones do. */
class FakeRequest<T> {
  result!: T;
  error: Error | null = null;
  onsuccess: Handler = null;
  onerror: Handler = null;
  onupgradeneeded: Handler = null;
  onblocked: Handler = null;
}

class FakeStore {
  constructor(
    private readonly tx: FakeTransaction,
    private readonly data: Map<string, unknown>,
    private readonly keyPath: string,
  ) {}
  put(value: Record<string, unknown>) {
    const copy = structuredClone(value);
    return this.tx.request(() => void this.data.set(copy[this.keyPath] as string, copy), this.tx.failWrites);
  }
  get(key: string) {
    return this.tx.request(() => structuredClone(this.data.get(key)));
  }
  getAll() {
    return this.tx.request(() => [...this.data.values()].map((v) => structuredClone(v)));
  }
  delete(key: string) {
    return this.tx.request(() => void this.data.delete(key));
  }
}

/** A transaction: requests run in order; it commits once a task passes with none pending, or rolls back on abort. */
class FakeTransaction {
  oncomplete: Handler = null;
  onerror: Handler = null;
  onabort: Handler = null;
  error: Error | null = null;
  private pending = 0;
  private aborted = false;
  private readonly undo = new Map<string, Map<string, unknown>>();

  constructor(private readonly db: FakeDatabase, names: string[]) {
    for (const n of names) this.undo.set(n, new Map(db.stores.get(n)?.data));
    this.maybeComplete();
  }

  objectStore(name: string): FakeStore {
    const s = this.db.stores.get(name);
    if (!s || !this.undo.has(name)) throw new Error(`NotFoundError: no object store '${name}' in this transaction`);
    return new FakeStore(this, s.data, s.keyPath);
  }

  get failWrites(): boolean {
    return this.db.failWrites;
  }

  request<T>(run: () => T, fail = false): FakeRequest<T> {
    if (this.aborted) throw new Error('TransactionInactiveError');
    const r = new FakeRequest<T>();
    this.pending++;
    setTimeout(() => {
      this.pending--;
      if (this.aborted) return;
      if (fail) {
        r.error = new Error('QuotaExceededError');
        r.onerror?.();
        this.abort();
        return;
      }
      r.result = run();
      r.onsuccess?.();
      this.maybeComplete();
    }, 0);
    return r;
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    for (const [name, before] of this.undo) {
      const data = (this.db.stores.get(name) as { data: Map<string, unknown> }).data;
      data.clear();
      for (const [k, v] of before) data.set(k, v);
    }
    this.error = new Error('AbortError');
    setTimeout(() => this.onabort?.(), 0);
  }

  private maybeComplete(): void {
    setTimeout(() => {
      if (this.pending === 0 && !this.aborted) {
        this.aborted = true; // finished: no more requests
        this.oncomplete?.();
      }
    }, 0);
  }
}

class FakeDatabase {
  readonly stores = new Map<string, { keyPath: string; data: Map<string, unknown> }>();
  failWrites = false;
  closed = 0;
  createObjectStore(name: string, options: { keyPath: string }): void {
    this.stores.set(name, { keyPath: options.keyPath, data: new Map() });
  }
  transaction(names: string | string[], _mode?: string): FakeTransaction {
    return new FakeTransaction(this, typeof names === 'string' ? [names] : names);
  }
  close(): void {
    this.closed++;
  }
}

/** indexedDB over Maps: databases by name, an upgrade on first open, and a switch to refuse opening. */
export class FakeIndexedDB {
  readonly databases = new Map<string, FakeDatabase>();
  refuseOpen: string | null = null;

  open(name: string, _version: number) {
    const r = new FakeRequest<FakeDatabase>();
    setTimeout(() => {
      if (this.refuseOpen) {
        r.error = new Error(this.refuseOpen);
        r.onerror?.();
        return;
      }
      let db = this.databases.get(name);
      if (!db) {
        db = new FakeDatabase();
        this.databases.set(name, db);
        r.result = db;
        r.onupgradeneeded?.();
      }
      r.result = db;
      r.onsuccess?.();
    }, 0);
    return r;
  }
}

/** A document whose anchors record the downloads they were clicked for. */
export class FakeDocument {
  readonly downloads: { name: string; href: string }[] = [];
  createElement(_tag: 'a') {
    const downloads = this.downloads;
    return {
      download: '',
      href: '',
      click(this: { download: string; href: string }) {
        downloads.push({ name: this.download, href: this.href });
      },
    };
  }
}
