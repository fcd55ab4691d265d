import { argError } from '../util/validate';
import type { IOHandler } from './artifacts';
import { describe } from './json-checks';
import { browserDownloadsRouter } from './browser-downloads';
import { httpFor, httpRouter, type LoadOptions } from './http-handler';
import { indexedDBRouter } from './indexed-db';
import { localStorageRouter } from './local-storage';

/**
 * Turns a URL into a handler for its scheme, or null when the scheme is not its own (tf.io.IORouter). A load is also
 * given the public call loading (loadLayersModel, loadGraphModel), which tessera's file router names in its errors.
 */
export type IORouter = (url: string | string[], loadOptions?: LoadOptions, op?: string) => IOHandler | null;

// The schemes every build knows; Node's build adds file:// through registerSaveRouter/registerLoadRouter.
const saveRouters: IORouter[] = [httpRouter, indexedDBRouter, localStorageRouter, browserDownloadsRouter];
const loadRouters: IORouter[] = [httpRouter, indexedDBRouter, localStorageRouter];

function register(list: IORouter[], op: string, router: IORouter): void {
  if (typeof router !== 'function') throw new Error(`${op}: router must be a function (url, loadOptions?) => IOHandler | null, got ${typeof router}`);
  if (!list.includes(router)) list.push(router);
}

/** Adds a scheme that model.save(url) understands, as tf.io.registerSaveRouter. */
export function registerSaveRouter(router: IORouter): void {
  register(saveRouters, 'io.registerSaveRouter', router);
}

/** Adds a scheme that loadLayersModel(url) understands, as tf.io.registerLoadRouter. */
export function registerLoadRouter(router: IORouter): void {
  register(loadRouters, 'io.registerLoadRouter', router);
}

const matching = (list: IORouter[], url: string | string[], loadOptions?: LoadOptions, op?: string) =>
  list.map((r) => r(url, loadOptions, op)).filter((h): h is IOHandler => h !== null);

/** Every registered handler for a URL to save to, as tf.io.getSaveHandlers. */
export function getSaveHandlers(url: string | string[]): IOHandler[] {
  return matching(saveRouters, url);
}

/** Every registered handler for a URL to load from, as tf.io.getLoadHandlers. */
export function getLoadHandlers(url: string | string[], loadOptions?: LoadOptions): IOHandler[] {
  return matching(loadRouters, url, loadOptions);
}

const SCHEMES = 'indexeddb://name or localstorage://name (save and load), downloads://name (save), http(s)://…/model.json (load; save by POST)';

/** Why a file:// URL fails here: only Node's build of tessera has a file system. */
function fileUrlError(op: string, url: string): Error {
  return new Error(
    `${op}: ${url} is a file:// URL, which only tessera's Node build can use (this runtime loaded the browser build, which has no file system). ` +
    `In a browser use ${SCHEMES}, or tn.io.browserFiles([jsonFile, ...weightFiles]) for files the user picked`,
  );
}

function onlyOne(op: string, kind: string, url: string, handlers: IOHandler[]): IOHandler | undefined {
  if (handlers.length > 1) throw new Error(`${op}: found more than one (${handlers.length}) ${kind} handlers for URL '${url}'`);
  return handlers[0];
}

/**
 * The one handler that loads `url`, as loadLayersModel finds it: a registered scheme, else (as
 * TF.js does) an http(s) request for the path, which a page resolves against its own URL.
 */
export function loadHandlerFor(op: string, url: string, loadOptions?: LoadOptions): IOHandler {
  const handler = onlyOne(op, 'load', url, matching(loadRouters, url, loadOptions, op));
  if (handler) return handler;
  if (url.startsWith('file://')) throw fileUrlError(op, url);
  // Another scheme than http(s) would only fail in fetch ("fetch failed"), which names neither the URL's scheme nor the way out.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1].toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    throw new Error(`${op}: no load handler for URL '${url}'; tessera loads from ${SCHEMES}, file://…/model.json (Node), or a scheme added with tn.io.registerLoadRouter`);
  }
  return httpFor(op, url, loadOptions);
}

/**
 * The one registered handler that loads `url`, with no http fallback: what io.copyModel and io.moveModel copy from,
 * as TF.js's; a URL no scheme claims is TF.js's error.
 */
export function registeredLoadHandlerFor(op: string, url: string): IOHandler {
  const handler = onlyOne(op, 'load', url, getLoadHandlers(url));
  if (handler) return handler;
  if (url.startsWith('file://')) throw fileUrlError(op, url);
  throw new Error(`${op}: Copying failed because no load handler is found for source URL ${url}. Models are copied from indexeddb://name, localstorage://name, http(s)://…/model.json or a scheme added with tn.io.registerLoadRouter`);
}

/** An IOHandler that has its save method. */
export type SavingHandler = IOHandler & Required<Pick<IOHandler, 'save'>>;

/** The handler a save(handlerOrURL) call saves through: the one for a URL, or an IOHandler with a save method. */
export function saveTarget(op: string, target: unknown): SavingHandler {
  const handler = typeof target === 'string' && target !== '' ? saveHandlerFor(op, target)
    : typeof target === 'object' && target !== null && typeof (target as IOHandler).save === 'function' ? target as IOHandler : undefined;
  if (handler?.save === undefined) {
    throw argError(op, 'handlerOrURL', describe(target), "a URL (indexeddb://name, localstorage://name, downloads://name, http(s)://…, file://dir in Node) or an IOHandler with a save method (e.g. tn.io.withSaveHandler(fn))");
  }
  return handler as SavingHandler;
}

/** The one handler that saves to `url`, as model.save finds it. */
export function saveHandlerFor(op: string, url: string): IOHandler {
  const handler = onlyOne(op, 'save', url, getSaveHandlers(url));
  if (handler) return handler;
  if (url.startsWith('file://')) throw fileUrlError(op, url);
  throw new Error(`${op}: no save handler for URL '${url}'; tessera saves to ${SCHEMES}, file://dir (Node), or any IOHandler with a save method`);
}
