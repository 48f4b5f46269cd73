/**
 * Current version of the stored bookmarks document; bump it together with a migration. A module
 * of its own so that everything built from it (the schemas included) follows one bump.
 */
export const BOOKMARKS_VERSION = 2
