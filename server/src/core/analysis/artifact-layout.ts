// Where the files of one integration artifact sit relative to each other:
//   <artifact>/src/main/resources/parameters.prop
//   <artifact>/src/main/resources/scenarioflows/integrationflow/<name>.iflw
// Loose files (outside that layout) pair with a parameters.prop beside them.

const RESOURCES = '/src/main/resources/';

export function isIflowUri(uri: string): boolean {
  return /\.iflw$/i.test(uri);
}

export function isParametersUri(uri: string): boolean {
  return /(^|\/)parameters\.prop$/.test(uri);
}

export function isConfigUri(uri: string): boolean {
  return /(^|\/)\.cpisecurity\.json$/.test(uri);
}

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** The folder holding the artifact's parameters.prop; the artifact's identity. */
export function artifactFolder(uri: string): string {
  const at = uri.lastIndexOf(RESOURCES);
  return at >= 0 ? uri.slice(0, at + RESOURCES.length - 1) : folderOf(uri);
}

export function parametersUriFor(iflowUri: string): string {
  return `${artifactFolder(iflowUri)}/parameters.prop`;
}

/** The last segment of a URI as written (percent-escapes kept). */
export function lastSegment(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** A URI segment with its percent-escapes decoded; kept as written when they do not decode. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
