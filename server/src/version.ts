/** This release of Lượt; kept equal to the root package.json and the top entry of CHANGELOG.md by a test. */
export const VERSION = '0.2.0';
