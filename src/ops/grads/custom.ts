import type { CustomGradAttrs } from '../custom-grad';
import type { KernelGradAttrs } from '../run-kernel';
import { rule, type GradientTable } from './table';

export const customGrads: GradientTable = {
  customGrad: rule<CustomGradAttrs>((dy, { attrs }) => attrs.gradients(dy)),
  registeredKernel: rule<KernelGradAttrs>((_dy, { dys, attrs, needed }) => attrs.gradients(dys, needed)),
};
