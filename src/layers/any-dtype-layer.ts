import { Layer } from './layer';

/**
 * A built-in layer whose ops take an input of any dtype: they keep an int32 or bool input's dtype (flatten, max
 * pooling, merges, relu) or refuse it (sigmoid, average pooling, dropout in training), as TF.js's do, so the input
 * reaches them as it is rather than cast to float32 as a layer with float weights casts it (Layer's castsInput).
 */
export abstract class AnyDtypeLayer extends Layer {
  protected override checksInputDtype(): boolean {
    return false;
  }
}
