import * as tfjs from '@tensorflow/tfjs';
import * as tn from './src/index';
const files: Record<string,string> = {
 'a.csv': 'crim,zn,"name, q",medv\n0.1,18,"a ""b"" c",24\r\n0.2,,x,21.6\n0.3,12.5,true,\n',
 'b.csv': '1 2  3\n4 5 6\n',
 'c.csv': '',
 'd.csv': 'a,b\n1,2\n\n3,4\n',
};
(globalThis as any).fetch = async (url: string) => {
  const f = files[String(url).replace('http://x/','')];
  if (f === undefined) return new Response('nope', {status: 404, statusText: 'Not Found'});
  return new Response(f);
};
async function run(tf: any) {
  const out: any[] = [];
  const tries: Array<() => Promise<unknown>> = [
    async () => { const d = tf.data.csv('http://x/a.csv'); return [await d.columnNames(), await d.toArray(), d.size]; },
    async () => await tf.data.csv('http://x/a.csv', {columnConfigs: {medv: {isLabel: true, default: 5}, zn: {default: -1, dtype: 'int32'}, 'name, q': {dtype: 'bool'}}}).toArray(),
    async () => await tf.data.csv('http://x/a.csv', {columnConfigs: {medv: {isLabel: true}}}).toArray(),
    async () => await tf.data.csv('http://x/a.csv', {configuredColumnsOnly: true, columnConfigs: {medv: {default: 0}, crim: {}}}).toArray(),
    async () => await tf.data.csv('http://x/a.csv', {configuredColumnsOnly: true, columnConfigs: {medv: {default: 0}, crim: {}}}).columnNames(),
    async () => await tf.data.csv('http://x/b.csv', {hasHeader: false, columnNames: ['x','y','z'], delimWhitespace: true}).toArray(),
    async () => await tf.data.csv('http://x/b.csv', {hasHeader: false, columnNames: ['x','y','z'], delimiter: ' '}).toArray(),
    async () => await tf.data.csv('http://x/b.csv', {hasHeader: false}).toArray(),
    async () => await tf.data.csv('http://x/c.csv').toArray(),
    async () => await tf.data.csv('http://x/d.csv').toArray(),
    async () => await tf.data.csv('http://x/none.csv').toArray(),
    async () => await tf.data.csv('http://x/a.csv', {columnNames: ['a','b']}).toArray(),
    async () => await tf.data.csv('http://x/a.csv', {columnNames: ['a','b','a','c']}).toArray(),
    async () => await tf.data.csv('http://x/a.csv', {columnConfigs: {nope: {}}}).toArray(),
    async () => tf.data.csv('http://x/a.csv', {delimWhitespace: true, delimiter: ';'}),
    async () => await tf.data.csv('http://x/a.csv', {columnConfigs: {zn: {required: true}}}).toArray(),
    async () => await tf.data.csv('http://x/a.csv', {columnNames: ['A','B','C','D']}).toArray(),
    async () => await tf.data.csv('http://x/a.csv').map((r: any) => r.crim).batch(2).toArray().then((b: any) => b.map((t: any) => t.arraySync())),
  ];
  for (const t of tries) { try { out.push(JSON.stringify(await t(), (k, v) => v === undefined ? '<undef>' : v)); } catch (e) { out.push('ERR ' + (e as Error).message); } }
  return out;
}
const a = await run(tfjs), b = await run(tn);
a.forEach((x, i) => console.log(x === b[i] ? 'SAME' : 'DIFF', i, x, x === b[i] ? '' : '\n   tn: ' + b[i]));
