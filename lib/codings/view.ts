import type { Prisma } from "../db/generated/client";

/** The columns of a coding the workspace shows, with its code and coder. */
export const codingView = {
  id: true,
  documentId: true,
  codeId: true,
  coderId: true,
  start: true,
  end: true,
  quote: true,
  memo: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  coder: { select: { name: true } },
} satisfies Prisma.CodingSelect;

export type CodingView = Prisma.CodingGetPayload<{ select: typeof codingView }>;

/**
 * The workspace's list of codings leaves the quote out: the browser has the text and cuts
 * quotes itself, and on a long transcript the quotes would double what the page sends.
 */
export const workspaceCodingView = (({ quote: _quote, ...rest }) => rest)(codingView) satisfies Prisma.CodingSelect;

export type WorkspaceCoding = Prisma.CodingGetPayload<{ select: typeof workspaceCodingView }>;
