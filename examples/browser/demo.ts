// The demo page: trains the seed CNN on MNIST in the page, charts it, predicts a digit drawn with the mouse,
// switches to the gpu backend, and keeps the trained model in IndexedDB for the next visit.
// Query parameters: ?samples=10000&epochs=2&batchSize=32 (the training set's first `samples` images).
import * as tn from '../../src/index';
import { seedModel } from '../seed-model';
import { Chart } from './chart';
import { fetchMnist } from './mnist-fetch';
import { DrawingPad } from './pad';

const SAVED = 'indexeddb://tessera-demo-seed-cnn';
const TEST_SAMPLES = 1000;

const params = new URLSearchParams(location.search);
function intParam(name: string, fallback: number): number {
  const text = params.get(name);
  const n = text === null ? fallback : Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`the query parameter ${name} must be a positive integer, got ${JSON.stringify(text)}`);
  return n;
}

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`demo: the page has no #${id}`);
  return el as T;
};

/** What the page shows, readable by tests (window.tesseraDemo). */
const state = {
  frames: 0,
  phase: 'loading' as 'loading' | 'ready' | 'training' | 'error',
  backend: '',
  modelSource: '' as '' | 'new' | 'indexeddb',
  losses: [] as number[],
  /** Frames painted while the last fit ran (it yields to the event loop, so the page keeps repainting). */
  framesDuringFit: 0,
  testAccuracy: NaN,
  saved: false,
  prediction: null as number[] | null,
  error: '',
};
(window as unknown as { tesseraDemo: typeof state }).tesseraDemo = state;

const chart = new Chart($<HTMLCanvasElement>('chart'));
const progress = $<HTMLProgressElement>('progress');
const status = (text: string, error = false): void => {
  $('status').textContent = text;
  $('status').classList.toggle('error', error);
};
const showBackend = (): void => {
  state.backend = tn.getBackend();
  $('backend').textContent = `Backend: ${state.backend}`;
};

// Counts frames and repaints the chart: the counter keeps moving while fit runs because fit yields.
const frame = (): void => {
  state.frames++;
  $('frames').textContent = `frames: ${state.frames}`;
  chart.draw();
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);

function fail(e: unknown): void {
  state.phase = 'error';
  state.error = e instanceof Error ? e.message : String(e);
  status(state.error, true);
  console.error(e);
  if (model) setButtons(true);
}

let model: tn.LayersModel;

function compile(m: tn.LayersModel): void {
  m.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
}

/** The model saved on an earlier visit, or a new one. */
async function loadOrCreate(): Promise<void> {
  try {
    model = await tn.loadLayersModel(SAVED);
    compile(model);
    state.modelSource = 'indexeddb';
  } catch {
    model = seedModel(tn, ['accuracy']);
    state.modelSource = 'new';
  }
}

async function train(): Promise<void> {
  const samples = intParam('samples', 10000);
  const epochs = intParam('epochs', 2);
  const batchSize = intParam('batchSize', 32);
  state.phase = 'training';
  setButtons(false);
  status(`Fetching ${samples} training images…`);
  const [trainSet, testSet] = await Promise.all([fetchMnist('/mnist/train', samples), fetchMnist('/mnist/t10k', TEST_SAMPLES)]);
  chart.clear();
  state.losses = [];
  const steps = Math.ceil(samples / batchSize) * epochs;
  let done = 0;
  const started = performance.now();
  const framesBefore = state.frames;
  status(`Training on ${samples} images, ${epochs} epoch(s), batch ${batchSize}…`);
  await model.fit(trainSet.images, trainSet.labels, {
    epochs,
    batchSize,
    verbose: 0,
    callbacks: {
      onBatchEnd: async (_batch, logs) => {
        done++;
        progress.value = done / steps;
        state.losses.push(logs?.loss ?? NaN);
        chart.push(logs?.loss ?? NaN, logs?.acc ?? logs?.accuracy ?? NaN);
      },
    },
  });
  const seconds = (performance.now() - started) / 1000;
  state.framesDuringFit = state.frames - framesBefore;
  const [, accuracy] = model.evaluate(testSet.images, testSet.labels) as tn.Tensor[];
  state.testAccuracy = accuracy.dataSync()[0];
  tn.dispose([trainSet.images, trainSet.labels, testSet.images, testSet.labels, accuracy]);
  status(`Trained ${samples * epochs} samples in ${seconds.toFixed(1)} s (${Math.round((samples * epochs) / seconds)} samples/s); `
    + `accuracy on ${TEST_SAMPLES} test images: ${(state.testAccuracy * 100).toFixed(1)}%. Saving to IndexedDB…`);
  await model.save(SAVED);
  state.saved = true;
  status(`${$('status').textContent?.replace(' Saving to IndexedDB…', '')} Saved: it reloads on your next visit.`);
  state.phase = 'ready';
  setButtons(true);
  predictDrawing();
}

const pad = new DrawingPad($<HTMLCanvasElement>('pad'), () => predictDrawing());

/** Predicts the drawn digit and shows its probabilities as bars. */
function predictDrawing(): void {
  if (!model) return;
  const pixels = pad.pixels();
  const probs = pixels ? tn.tidy(() => Array.from((model.predict(tn.tensor(pixels, [1, 28, 28, 1])) as tn.Tensor).dataSync())) : null;
  state.prediction = probs;
  const bars = $('bars');
  bars.replaceChildren();
  const best = probs ? probs.indexOf(Math.max(...probs)) : -1;
  for (let d = 0; d < 10; d++) {
    const p = probs?.[d] ?? 0;
    const label = document.createElement('span');
    label.textContent = String(d);
    const bar = document.createElement('div');
    bar.className = d === best ? 'bar best' : 'bar';
    bar.style.width = `${Math.round(p * 220)}px`;
    const value = document.createElement('span');
    value.textContent = probs ? `${(p * 100).toFixed(1)}%` : '';
    bars.append(label, bar, value);
  }
}

function setButtons(enabled: boolean): void {
  for (const id of ['train', 'gpu', 'forget']) $<HTMLButtonElement>(id).disabled = !enabled;
}

$('train').addEventListener('click', () => void train().catch(fail));
$('clear').addEventListener('click', () => {
  pad.clear();
  predictDrawing();
});
$('gpu').addEventListener('click', () => {
  const button = $<HTMLButtonElement>('gpu');
  const toGpu = button.dataset.backend !== 'gpu';
  void (async () => {
    // setBackend may wait for gpu.js to load on first use; false where the gpu backend cannot run (the console says why).
    if (!(await tn.setBackend(toGpu ? 'gpu' : 'cpu'))) throw new Error('the console says why');
    button.dataset.backend = toGpu ? 'gpu' : 'cpu';
    button.textContent = toGpu ? 'Switch back to the cpu backend' : 'Switch to the gpu backend (WebGL2)';
    showBackend();
    predictDrawing();
  })().catch((e) => status(`The gpu backend is not available here: ${(e as Error).message}`, true));
});

$('forget').addEventListener('click', () => {
  void tn.io.removeModel(SAVED).then(
    () => {
      state.saved = false;
      status('The saved model is removed from IndexedDB: the next visit starts from a new model.');
    },
    (e: Error) => status(`Nothing to forget: ${e.message}`, true),
  );
});

async function start(): Promise<void> {
  showBackend();
  await loadOrCreate();
  predictDrawing();
  state.phase = 'ready';
  setButtons(true);
  status(state.modelSource === 'indexeddb'
    ? 'Loaded the model trained on an earlier visit from IndexedDB: draw a digit, or train it more.'
    : 'A new model: press Train, then draw a digit.');
}

start().catch(fail);
