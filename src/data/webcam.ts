import { fromPixels } from '../ops/browser/from-pixels';
import { cast } from '../ops/cast';
import { cropAndResize } from '../ops/image/crop-and-resize';
import { reshape } from '../ops/reshape';
import type { Tensor } from '../tensor/tensor';
import { tidy } from '../tensor/tidy';
import type { Rank } from '../tensor/value-types';
import { argError, checkKnownKeys, describeValue, fmtValue, isPositiveInt, optionalBoolean } from '../util/validate';
import type { DatasetIterator } from './dataset';

// tf.data.webcam: frames of a camera stream as tensors, read with tn.browser.fromPixels. The browser types are
// declared by the parts used, so that the library's types need no DOM library.

/** What tf.data.webcam takes, as tfjs-data's WebcamConfig. */
export interface WebcamConfig {
  /** Which camera of a phone: 'user' (the default, facing the user) or 'environment'. */
  facingMode?: 'user' | 'environment';
  /** The camera to open, as navigator.mediaDevices.enumerateDevices() names it. */
  deviceId?: string;
  /** The frames' width; given with resizeHeight. Frames are resized (bilinear, to float32) when it differs from the video element's. */
  resizeWidth?: number;
  /** The frames' height; given with resizeWidth. */
  resizeHeight?: number;
  /** Crop the middle of the frame at the video element's scale before resizing, rather than squeezing the whole frame. */
  centerCrop?: boolean;
}

/** The part of an HTMLVideoElement the webcam uses: its size, its frames and its source. */
export interface WebcamVideoElement {
  /** The element's width and height attributes: the size the camera is asked for. */
  width: number;
  height: number;
  readonly videoWidth: number;
  readonly videoHeight: number;
  readonly readyState: number;
  srcObject: unknown;
  play(): Promise<void>;
  addEventListener(type: 'loadeddata', listener: () => void, options?: { once?: boolean }): void;
}

interface CameraStream {
  getTracks(): { stop(): void }[];
}

interface MediaDevicesLike {
  getUserMedia(constraints: { video: Record<string, unknown> }): Promise<CameraStream>;
}

const OP = 'data.webcam';

/** The browser's camera access, or an error saying what is missing. */
function mediaDevices(): MediaDevicesLike {
  const g = globalThis as { document?: unknown; navigator?: { mediaDevices?: Partial<MediaDevicesLike> } };
  if (g.document === undefined) {
    throw new Error(`${OP}: needs a browser: it plays the camera's stream (navigator.mediaDevices.getUserMedia) in a <video> element, and this runtime has no document (in Node, make tensors of images with tn.browser.fromPixels({data, width, height}))`);
  }
  const devices = g.navigator?.mediaDevices;
  if (typeof devices?.getUserMedia !== 'function') {
    throw new Error(`${OP}: this page has no camera access (navigator.mediaDevices.getUserMedia is missing: browsers offer it only to secure pages, served over https or from localhost)`);
  }
  return devices as MediaDevicesLike;
}

/** The config, checked: resizeWidth and resizeHeight come together. */
function checkConfig(config: unknown): WebcamConfig {
  if (config === undefined || config === null) return {};
  if (typeof config !== 'object' || Array.isArray(config)) throw argError(OP, 'webcamConfig', describeValue(config), 'an object {facingMode?, deviceId?, resizeWidth?, resizeHeight?, centerCrop?}');
  checkKnownKeys(OP, 'webcamConfig', config, ['facingMode', 'deviceId', 'resizeWidth', 'resizeHeight', 'centerCrop']);
  const c = config as WebcamConfig;
  if (c.facingMode != null && c.facingMode !== 'user' && c.facingMode !== 'environment') {
    throw argError(OP, 'webcamConfig.facingMode', fmtValue(c.facingMode), "'user' or 'environment'");
  }
  if (c.deviceId != null && typeof c.deviceId !== 'string') throw argError(OP, 'webcamConfig.deviceId', describeValue(c.deviceId), 'a device id string');
  for (const key of ['resizeWidth', 'resizeHeight'] as const) {
    if (c[key] != null && !isPositiveInt(c[key])) throw argError(OP, `webcamConfig.${key}`, describeValue(c[key]), 'a positive integer');
  }
  // TF.js quietly ignores one without the other; a frame size needs both.
  if ((c.resizeWidth == null) !== (c.resizeHeight == null)) {
    throw argError(OP, 'webcamConfig', `only ${c.resizeWidth == null ? 'resizeHeight' : 'resizeWidth'}`, 'resizeWidth and resizeHeight together, or neither');
  }
  optionalBoolean(OP, 'webcamConfig.centerCrop', c.centerCrop, false);
  return c;
}

function checkVideo(video: unknown): asserts video is WebcamVideoElement {
  const HTMLVideo = (globalThis as { HTMLVideoElement?: abstract new () => object }).HTMLVideoElement;
  if (video === null || typeof video !== 'object' || (HTMLVideo !== undefined && !(video instanceof HTMLVideo))) {
    throw argError(OP, 'webcamVideoElement', describeValue(video), 'an HTMLVideoElement (or undefined, with resizeWidth and resizeHeight, for a hidden one)');
  }
  const v = video as WebcamVideoElement;
  if (!isPositiveInt(v.width) || !isPositiveInt(v.height)) {
    throw argError(OP, 'webcamVideoElement', `width ${v.width} and height ${v.height}`, 'an element with its width and height attributes set (the camera is asked for that size)');
  }
}

/** Where each frame is cropped ([y1, x1, y2, x2], normalized) and the size it is resized to, as TF.js's WebcamIterator. */
interface Crop {
  box: [number, number, number, number];
  size: [number, number];
}

/**
 * TF.js's rule: frames are resized when resizeWidth and resizeHeight differ from the element's size; centerCrop
 * takes the middle at the element's scale (the share resize / element of each side), else the whole frame.
 */
function cropOf(video: WebcamVideoElement, c: WebcamConfig): Crop | null {
  const { resizeWidth: w, resizeHeight: h } = c;
  if (w == null || h == null || (video.width === w && video.height === h)) return null;
  if (!c.centerCrop) return { box: [0, 0, 1, 1], size: [h, w] };
  const wRatio = w / video.width;
  const hRatio = h / video.height;
  const top = (1 - hRatio) / 2;
  const left = (1 - wRatio) / 2;
  return { box: [top, left, top + hRatio, left + wRatio], size: [h, w] };
}

/**
 * A camera's frames, as tfjs-data's WebcamIterator: capture() (or next(), as a dataset iterator) reads the frame
 * showing now as a [height, width, 3] tensor (int32 0..255, or float32 when resized); stop() releases the camera and
 * start() opens it again.
 */
export class WebcamIterator implements Pick<DatasetIterator<Tensor<Rank.R3>>, 'next' | 'toArray'> {
  private stream: CameraStream | null = null;

  private constructor(
    /** The element playing the stream. */
    readonly webcamVideoElement: WebcamVideoElement,
    private readonly config: WebcamConfig,
    private readonly crop: Crop | null,
  ) {}

  /** Opens the camera and resolves once its first frame has arrived, as tf.data.webcam. */
  static async create(webcamVideoElement?: WebcamVideoElement, webcamConfig?: WebcamConfig): Promise<WebcamIterator> {
    const devices = mediaDevices();
    const config = checkConfig(webcamConfig);
    let video: WebcamVideoElement;
    if (webcamVideoElement == null) {
      if (config.resizeWidth == null || config.resizeHeight == null) {
        throw argError(OP, 'webcamVideoElement', fmtValue(webcamVideoElement), 'a video element, or webcamConfig.resizeWidth and resizeHeight for a hidden one of that size');
      }
      video = (globalThis as unknown as { document: { createElement(tag: 'video'): WebcamVideoElement } }).document.createElement('video');
      video.width = config.resizeWidth;
      video.height = config.resizeHeight;
    } else {
      checkVideo(webcamVideoElement);
      video = webcamVideoElement;
    }
    const iterator = new WebcamIterator(video, config, cropOf(video, config));
    await iterator.openWith(devices);
    return iterator;
  }

  summary(): string {
    return 'webcam';
  }

  /** Whether the camera is open (between start and stop). */
  get isRunning(): boolean {
    return this.stream !== null;
  }

  /** Opens the camera (again, after stop) and resolves once its first frame has arrived; nothing when it is open. */
  async start(): Promise<void> {
    if (!this.stream) await this.openWith(mediaDevices());
  }

  private async openWith(devices: MediaDevicesLike): Promise<void> {
    const video = this.webcamVideoElement;
    let stream: CameraStream;
    try {
      stream = await devices.getUserMedia({
        video: { deviceId: this.config.deviceId, facingMode: this.config.facingMode ?? 'user', width: video.width, height: video.height },
      });
    } catch (e) {
      throw new Error(`${OP}: could not open the camera: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
    }
    // TF.js resolves at 'loadedmetadata', before any frame (its first capture can be blank); tessera waits for the
    // first frame, so capture() always reads one.
    const loaded = new Promise<void>((resolve) => video.addEventListener('loadeddata', () => resolve(), { once: true }));
    video.srcObject = stream;
    this.stream = stream;
    try {
      await video.play();
    } catch (e) {
      this.stop();
      throw new Error(`${OP}: the video element would not play the camera's stream: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    await loaded;
  }

  /** The frame showing now, as a dataset iterator's next(); done (value null) once stopped, as TF.js. */
  async next(): Promise<IteratorResult<Tensor<Rank.R3>, null>> {
    if (!this.stream) return { value: null, done: true };
    const frame = fromPixels(this.webcamVideoElement);
    const crop = this.crop;
    if (!crop) return { value: frame, done: false };
    try {
      const value = tidy(() => {
        const resized = cropAndResize(reshape(cast(frame, 'float32'), [1, ...frame.shape]), [crop.box], [0], crop.size, 'bilinear');
        return reshape<Rank.R3>(resized, resized.shape.slice(1));
      });
      return { value, done: false };
    } finally {
      frame.dispose();
    }
  }

  /** The frame showing now. Unlike TF.js (which gives null), an error once stopped. */
  async capture(): Promise<Tensor<Rank.R3>> {
    const r = await this.next();
    if (r.done) throw new Error(`${OP}: capture() on a stopped webcam; call start() first`);
    return r.value;
  }

  /** Stops the camera and detaches it from the video element; next() is then done. */
  stop(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.webcamVideoElement.srcObject = null;
    this.stream = null;
  }

  /** Refused, as TF.js: a camera's stream never ends. */
  toArray(): never {
    throw new Error(`${OP}: a camera's stream never ends, so it cannot be collected into an array; read frames with capture() or next()`);
  }
}

/**
 * A camera's frames as tensors, as tf.data.webcam(webcamVideoElement?, webcamConfig?): plays the camera in the
 * element (or in a hidden one of resizeWidth x resizeHeight) and resolves once the first frame has arrived. Needs a
 * browser, and a secure page (https or localhost).
 */
export function webcam(webcamVideoElement?: WebcamVideoElement, webcamConfig?: WebcamConfig): Promise<WebcamIterator> {
  return WebcamIterator.create(webcamVideoElement, webcamConfig);
}

/**
 * tf.data.microphone is not implemented: it rejects, saying so (TF.js's spectrogram frames come from Web Audio's
 * AnalyserNode, which tessera does not wrap).
 */
export async function microphone(_microphoneConfig?: object): Promise<never> {
  throw new Error('data.microphone: not implemented in tessera (TF.js makes spectrogram frames with Web Audio\'s AnalyserNode); record audio with the Web Audio API and make tensors of its samples with tn.tensor');
}
