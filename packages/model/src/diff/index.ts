export * from "./diff-types.ts";
export { diffPackages } from "./diff-packages.ts";
export { releaseNoteOf } from "./release-note.ts";
export { diffMarkers, type DiffMarker } from "./diff-markers.ts";
export { describeDuration } from "./readable-values.ts";
