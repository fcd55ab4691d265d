import * as tn from '../../ops/index';
import type { Tensor4D } from '../../tensor/tfjs-types';
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

/** TF's image resizing, as tfjs-converter's image executor. */
export const imageOps: OpTable = {
  ResizeBilinear: resize(tn.image.resizeBilinear),
  ResizeNearestNeighbor: resize(tn.image.resizeNearestNeighbor),
};
