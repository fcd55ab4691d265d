import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// The ```js examples of TF.js's API documentation, read from the installed packages' type declarations at test time
// (the text stays TF.js's; nothing of it is copied into this repository). Each is an async-function body using `tf`.

export interface DocSnippet {
  /** Package-relative file and the example's 1-based index in it, e.g. "tfjs-core/dist/ops/add.d.ts#1". */
  id: string;
  code: string;
}

const ROOT = fileURLToPath(new URL('../../node_modules/@tensorflow', import.meta.url));
const PACKAGES = ['tfjs-core', 'tfjs-layers'];

function declarationFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
    .sort();
}

/** Every ```js block of one declaration file, with the JSDoc ` * ` margin taken off. */
function snippetsOf(text: string): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s*\*( |$)/, '');
    if (current === null) {
      if (/^```js\s*$/.test(line.trim())) current = [];
    } else if (line.trim().startsWith('```')) {
      out.push(current.join('\n'));
      current = null;
    } else {
      current.push(line);
    }
  }
  return out;
}

export function docSnippets(): DocSnippet[] {
  const out: DocSnippet[] = [];
  for (const pkg of PACKAGES) {
    for (const file of declarationFiles(join(ROOT, pkg, 'dist'))) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('```js')) continue;
      const rel = relative(ROOT, file);
      snippetsOf(text).forEach((code, i) => out.push({ id: `${rel}#${i + 1}`, code }));
    }
  }
  return out;
}
