/** Stand-in for the content plugin's virtual module in unit tests. */
export const manifestFile = 'data/manifest.test.json'
