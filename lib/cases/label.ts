/**
 * What a reader sees for an attribute: its display name ("Company size") when the owner gave
 * one, else its name ("company_size"), which stays the key imports and exports match on.
 * Pure and zod-free, so client components and report writers use the same rule.
 */
export function attributeLabel(attribute: { name: string; displayName?: string | null }): string {
  const shown = attribute.displayName?.trim();
  return shown ? shown : attribute.name;
}
