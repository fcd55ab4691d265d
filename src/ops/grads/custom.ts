import type { CustomGradAttrs } from '../custom-grad';
import { rule, type GradientTable } from './table';

export const customGrads: GradientTable = {
  customGrad: rule<CustomGradAttrs>((dy, { attrs }) => attrs.gradients(dy)),
};
