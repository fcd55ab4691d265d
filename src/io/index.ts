export { fromMemory, withSaveHandler } from './memory-handler';
export type { IOHandler, ModelArtifacts, ModelArtifactsInfo, ModelJSON, SaveResult, WeightsManifestEntry, WeightsManifestGroupConfig } from './artifacts';
