// Inter-coder agreement: pure statistics and the units they are computed over. No I/O here;
// the feature's data.ts loads codings and hands them to these functions.
export { type Outcome, type Reason, type ReasonCode, MIN_STABLE_UNITS, REASON_MESSAGES } from "./result";
export { type CodeValue, type ReliabilityData, type UnitCounts } from "./reliability-data";
export { type PercentAgreementResult, percentAgreement } from "./percent-agreement";
export { type CohenKappaResult, cohensKappa } from "./cohen-kappa";
export { type Metric, METRICS } from "./difference-functions";
export { type KrippendorffAlphaResult, krippendorffAlpha } from "./krippendorff-alpha";
export {
  type CategoryUnitizingAlpha,
  type UnitizedContinuum,
  type UnitizedCoder,
  type UnitizedSpan,
  type UnitizingAlpha,
  poolCategories,
  unitizingAlpha,
  unitizingAlphaForCategory,
} from "./unitizing-alpha";
export { type AgreementDesign, type AgreementDocument, type AnalysisUnit, type CodeUnits, type Coding, type Segment } from "./codings";
export { documentPresenceUnits } from "./document-presence";
export { segmentUnits } from "./segment-presence";
export { type Variation, codesWithVariation, poolCodes, variationOf } from "./pool-codes";
export { type DocumentContinuum, characterContinua, concatenateContinua } from "./character-continua";
