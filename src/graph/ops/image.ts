import * as tn from '../../ops/index';
import type { Tensor1D, Tensor2D, Tensor4D } from '../../tensor/tfjs-types';
import type { GraphNode } from '../graph-def';
import type { OpSpec, OpTable } from '../op-spec';

type Resize = typeof tn.image.resizeBilinear;

/** A resize of images to the [height, width] of input 1, with TF's align_corners and half_pixel_centers. */
function resize(f: Resize): OpSpec {
  return {
    arity: 2, dtypeAttr: 'T',
    run: (n) => {
      const size = n.numbers(1);
      return [f(n.tensor(0) as Tensor4D, [size[0], size[1]], n.attrs.bool('align_corners', false), n.attrs.bool('half_pixel_centers', false))];
    },
  };
}

// TF writes this one in lower case.
const cropMethod = (node: GraphNode): 'bilinear' | 'nearest' => node.attrs.oneOf('method', 'bilinear', ['bilinear', 'nearest'], false);

/** ImageProjectiveTransformV3's interpolation and fill_mode attrs, checked at load. */
function transformModes(node: GraphNode): ['bilinear' | 'nearest', 'constant' | 'reflect' | 'wrap' | 'nearest'] {
  return [
    node.attrs.oneOf('interpolation', '', ['bilinear', 'nearest']),
    node.attrs.oneOf('fill_mode', 'constant', ['constant', 'reflect', 'wrap', 'nearest']),
  ];
}

/**
 * Non-max suppression of boxes (input 0) by scores (1), at most input 2 of them, IoU threshold 3 and, from V3 on, score
 * threshold 4 (V5: soft-NMS sigma 5). Its output size depends on the values, so, as in TF.js, executeAsync only.
 */
function nms(version: 2 | 3 | 4 | 5): OpSpec {
  return {
    arity: version === 2 ? 4 : version === 5 ? 6 : 5, async: true,
    check: (node) => {
      if (version === 5 && node.attrs.bool('pad_to_max_output_size', false)) throw new Error(`${node.where}: attr 'pad_to_max_output_size' true is not supported for NonMaxSuppressionV5`);
    },
    run: async (n) => {
      const [boxes, scores] = [n.tensor(0) as Tensor2D, n.tensor(1) as Tensor1D];
      const [max, iou, score] = [n.number(2), n.number(3), version === 2 ? undefined : n.number(4)];
      if (version === 4) {
        const { selectedIndices, validOutputs } = await tn.image.nonMaxSuppressionPaddedAsync(boxes, scores, max, iou, score, n.attrs.bool('pad_to_max_output_size', false));
        return [selectedIndices, validOutputs];
      }
      if (version === 5) {
        const { selectedIndices, selectedScores } = await tn.image.nonMaxSuppressionWithScoreAsync(boxes, scores, max, iou, score, n.number(5));
        // TF's third output, the number selected (TF.js gives only the first two).
        return [selectedIndices, selectedScores, tn.scalar(selectedIndices.shape[0], 'int32')];
      }
      return [await tn.image.nonMaxSuppressionAsync(boxes, scores, max, iou, score)];
    },
  };
}

/** TF's image resizing, cropping and box selection, as tfjs-converter's image and dynamic executors. */
export const imageOps: OpTable = {
  ResizeBilinear: resize(tn.image.resizeBilinear),
  ResizeNearestNeighbor: resize(tn.image.resizeNearestNeighbor),
  CropAndResize: {
    arity: 4, check: cropMethod,
    run: (n) => {
      const size = n.numbers(3);
      return [tn.image.cropAndResize(n.tensor(0), n.tensor(1), n.tensor(2), [size[0], size[1]], cropMethod(n.node), n.attrs.number('extrapolation_value', 0))];
    },
  },
  ImageProjectiveTransformV3: {
    arity: 4, check: transformModes,
    run: (n) => {
      const [interpolation, fillMode] = transformModes(n.node);
      const size = n.numbers(2);
      return [tn.image.transform(n.tensor(0) as Tensor4D, n.tensor(1) as Tensor2D, interpolation, fillMode, n.number(3), [size[0], size[1]])];
    },
  },
  NonMaxSuppressionV2: nms(2),
  NonMaxSuppressionV3: nms(3),
  NonMaxSuppressionV4: nms(4),
  NonMaxSuppressionV5: nms(5),
};
