import { messageOf } from './validate';

/** What a fetch gives that fetchChecked reads. */
interface Answered {
  ok: boolean;
  status: number;
  statusText?: string;
}

/**
 * The response of `request()` (a fetch of `what`, e.g. 'the weights file <url>'), or an error naming `op` and
 * `what`: the fetch's own failure, or an HTTP status that is not ok.
 */
export async function fetchChecked<R extends Answered>(op: string, what: string, request: () => Promise<R>): Promise<R> {
  let response: R;
  try {
    response = await request();
  } catch (e) {
    throw new Error(`${op}: cannot fetch ${what}: ${messageOf(e)}`, { cause: e });
  }
  if (!response.ok) throw new Error(`${op}: fetching ${what} failed with HTTP status ${response.status}${response.statusText ? ` (${response.statusText})` : ''}`);
  return response;
}
