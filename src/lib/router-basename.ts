/** The base path (`BASE_PATH` at build time) without its trailing slash, for the router. */
export const routerBasename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/'
