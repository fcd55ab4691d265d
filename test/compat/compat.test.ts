import { beforeAll, describe, expect, it } from 'vitest';
import { compareOutcomes, runWith, tessera, tfjs, tfjsAsTF, type Program } from './harness';
import { api } from './programs/api';
import { basics } from './programs/basics';
import { coreGrads } from './programs/core-grads';
import { coreImage } from './programs/core-image';
import { coreOps } from './programs/core-ops';
import { coreSurface } from './programs/core-surface';
import { convOptions } from './programs/conv-options';
import { data } from './programs/data';
import { edges } from './programs/edges';
import { gaps } from './programs/gaps';
import { images } from './programs/images';
import { math } from './programs/math';
import { training } from './programs/training';
import { layersModels } from './programs/layers-models';
import { layersTraining } from './programs/layers-training';
import { layersIo } from './programs/layers-io';
import { layersMore } from './programs/layers-more';
import { layersSurface } from './programs/layers-surface';
import { surfaceExtras } from './programs/surface-extras';
import { examplesA } from './programs/examples-a';
import { examplesB } from './programs/examples-b';
import { examplesB2 } from './programs/examples-b2';
import { rnnOptions } from './programs/rnn-options';
import { docs } from './programs/docs';
import { s10CustomTraining } from './programs/s10-custom-training';
import { s10Sequence } from './programs/s10-sequence';
import { s10Tensors } from './programs/s10-tensors';
import { s11Grads } from './programs/s11-grads';
import { s11Layers } from './programs/s11-layers';
import { s11Core } from './programs/s11-core';
import { s16Sweep } from './programs/s16-sweep';
import { s17OpsFuzz } from './programs/s17-opsfuzz';
import { kerasFiles } from './programs/keras-files';
import { s36Sweep } from './programs/s36-sweep';
import { s37Sweep } from './programs/s37-sweep';
import { s38Sweep } from './programs/s38-sweep';
import { s40Sweep } from './programs/s40-sweep';
import { s43Sweep } from './programs/s43-sweep';
import { s47Sweep } from './programs/s47-sweep';
import { s17Examples } from './programs/s17-examples';
import { ioInterop } from './programs/io-interop';
import { trainParity } from './programs/train-parity';
import { layersFuzzfix } from './programs/layers-fuzzfix';
import { layersConfig } from './programs/layers-config';
import { s18SpecLayers } from './programs/s18-speclayers';
import { specEngine } from './programs/spec-engine';
import { s18SpecCore } from './programs/s18-speccore';
import { examples5 } from './programs/examples5';
import { extend } from './programs/extend';
import { coresurface } from './programs/coresurface';
import { layerminors } from './programs/layerminors';
import { dtypes } from './programs/dtypes';
import { leftovers, leftoversTraining } from './programs/leftovers';
import { s24Sweep } from './programs/s24-sweep';
import { s25Sweep } from './programs/s25-sweep';
import { s26Coverage } from './programs/s26-coverage';
import { s26Spectral } from './programs/s26-spectral';
import { s27Gaps } from './programs/s27-gaps';
import { s27Edges } from './programs/s27-edges';
import { s28Extras, s28Image, s28Losses, s28More, s28Signal, s28Train } from './programs/s28-namespaces';
import { s28Layers } from './programs/s28-layers';
import { s28Strings } from './programs/s28-strings';
import { s28Custom } from './programs/s28-custom';
import { s28Data } from './programs/s28-data';
import { s29Rnn } from './programs/s29-rnn';
import { s29Zero } from './programs/s29-zero';
import { s29Examples } from './programs/s29-examples';
import { s29Engine } from './programs/s29-engine';
import { s29Io } from './programs/s29-io';

// Everyday tfjs-core programs, each run with TensorFlow.js 4.22 (cpu backend) and with tessera: same values (1e-4),
// shapes, dtypes, printed text, and an error from both or from neither.

const suites: Record<string, Program[]> = {
  basics, math, data, training, images, api, edges, coreOps, coreGrads, coreImage, coreSurface, layersModels, layersTraining, layersIo, layersMore, layersSurface, surfaceExtras, examplesA, gaps, examplesB, examplesB2, rnnOptions, convOptions, docs, s10CustomTraining,
  s10Sequence, s10Tensors, s11Grads, s11Layers, s11Core, s16Sweep, kerasFiles, s17Examples, ioInterop, trainParity, s17OpsFuzz, layersFuzzfix, layersConfig, s18SpecLayers, specEngine, s18SpecCore, examples5, extend, coresurface, layerminors, dtypes, leftovers, leftoversTraining, s24Sweep, s25Sweep, s26Coverage, s26Spectral, s27Gaps, s27Edges, s28Image, s28Signal,
  s28Losses, s28Train, s28Extras, s28More, s28Layers, s28Strings, s28Custom, s28Data, s29Rnn, s29Zero, s29Examples, s29Engine, s29Io, s36Sweep, s37Sweep, s38Sweep, s40Sweep, s43Sweep, s47Sweep,
};

describe('tfjs-core programs give TF.js results with the import swapped', () => {
  beforeAll(async () => {
    await tfjs.setBackend('cpu');
    tessera.setBackend('cpu');
  });

  for (const [suite, programs] of Object.entries(suites)) {
    describe(suite, () => {
      for (const program of programs) {
        if (program.deviation) {
          // Kept as a check that the difference is still there: once tessera matches, the mark comes off.
          it(`${program.name} (deviation: ${program.deviation})`, async () => {
            const want = await runWith(program, tfjsAsTF);
            const got = await runWith(program, tessera);
            expect(compareOutcomes(got, want)).not.toBeNull();
          });
          continue;
        }
        it(program.name, async () => {
          const want = await runWith(program, tfjsAsTF);
          const got = await runWith(program, tessera);
          expect(compareOutcomes(got, want)).toBeNull();
        });
      }
    });
  }
});
