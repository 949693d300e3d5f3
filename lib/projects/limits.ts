// Kept apart from schema.ts so that forms in the browser can show them without bundling zod
// (whose compiled parsers probe for eval, which the pages' CSP refuses).
export const PROJECT_NAME_MAX = 200;
export const PROJECT_DESCRIPTION_MAX = 2000;
