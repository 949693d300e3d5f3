"use server";

import { projectAction } from "../auth/project-action";
import { starQuote, unstarQuote } from "./mutations";
import { STAR_EDITOR } from "./permissions";
import { starSchema } from "./schema";

// No revalidatePath: the star toggle updates itself optimistically, and re-rendering the theme
// page at once would reorder its list under the reader's pointer; the next visit orders it.
export const starQuoteAction = projectAction(starSchema, STAR_EDITOR, starQuote);
export const unstarQuoteAction = projectAction(starSchema, STAR_EDITOR, unstarQuote);
