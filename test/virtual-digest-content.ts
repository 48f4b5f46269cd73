/** Stand-in for the content plugin's virtual module in unit tests. */
export const headFile = 'data/head.test.json'
