/**
 * Every agreement figure comes back as a result object, never NaN. A coefficient that the
 * data leave undefined (the 0/0 of "no variation", or nothing to compare) is `value: null`
 * with a reason the UI can show as it is, so a table of per-code figures never prints "NaN"
 * and never passes off an undefined coefficient as 0 or 1.
 */

export type ReasonCode = "fewer-than-two-coders" | "all-values-missing" | "no-pairable-units" | "no-variation";

export const REASON_MESSAGES: Readonly<Record<ReasonCode, string>> = {
  "fewer-than-two-coders": "fewer than two coders",
  "all-values-missing": "all values missing",
  "no-pairable-units": "no pairable units",
  "no-variation": "no variation: every unit got the same value",
};

export type Reason = { code: ReasonCode; message: string };

/** Either a figure, or null and why: a union, so `value === null` narrows `reason` to non-null. */
export type Outcome = { value: number; reason: null } | { value: null; reason: Reason };

export function computed(value: number): Outcome {
  return { value, reason: null };
}

/** `detail` may say more than the standard message ("no coder marked this code"). */
export function notComputed(code: ReasonCode, detail?: string): Outcome {
  return { value: null, reason: { code, message: detail ? `${REASON_MESSAGES[code]} (${detail})` : REASON_MESSAGES[code] } };
}

/**
 * Below this many pairable units a figure carries a stability note. Our own threshold, not a
 * published one: with n units, recoding a single unit moves an agreement figure by about 1/n,
 * so below 10 one unit can shift it by more than 0.1, which is wider than the gap between
 * Krippendorff's (2004, Content Analysis 2nd ed., p. 241) thresholds for tentative (.667) and
 * reliable (.800) data. Krippendorff's own sample-size rule (after Bloch & Kraemer 1989) asks
 * for far more units whenever a value is rare; this note is only the floor below which the
 * figure should not be read at all.
 */
export const MIN_STABLE_UNITS = 10;

export function stabilityNote(count: number, what = "pairable units"): string | null {
  if (count >= MIN_STABLE_UNITS) return null;
  return `unstable: based on only ${count} ${what} (fewer than ${MIN_STABLE_UNITS}); one unit coded differently can move this figure by more than 0.1`;
}
