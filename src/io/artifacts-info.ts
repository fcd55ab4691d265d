import type { ModelArtifacts, ModelArtifactsInfo } from './artifacts';

const utf8Length = (s: string) => new TextEncoder().encode(s).byteLength;

/** The sizes TF.js reports in a SaveResult. */
export function artifactsInfo(artifacts: ModelArtifacts, weightDataBytes: number): Required<ModelArtifactsInfo> {
  return {
    dateSaved: new Date(),
    modelTopologyType: 'JSON',
    modelTopologyBytes: artifacts.modelTopology == null ? 0 : utf8Length(JSON.stringify(artifacts.modelTopology)),
    weightSpecsBytes: artifacts.weightSpecs == null ? 0 : utf8Length(JSON.stringify(artifacts.weightSpecs)),
    weightDataBytes,
  };
}
