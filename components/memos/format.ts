/** A memo's date as the lists show it, formatted on the server so the browser's hydration sees the same text. */
export function memoDate(date: Date): string {
  return date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

/** "edited …" only when it was (a save within a second of writing is the writing). */
export function edited(createdAt: Date, updatedAt: Date): string | null {
  return updatedAt.getTime() - createdAt.getTime() > 1000 ? memoDate(updatedAt) : null;
}
