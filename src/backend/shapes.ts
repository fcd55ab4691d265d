// What the ops need from the shared kernel code, passed on so that nothing above the backend imports kernels/.
export { broadcastShapes } from '../../kernels/shared/broadcast';
export { outputLength } from '../../kernels/shared/geometry';
export { rowMajorStrides } from '../../kernels/shared/strided';
