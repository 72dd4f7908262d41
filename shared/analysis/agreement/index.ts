/**
 * Intercoder agreement for reliability studies (issue #10): pure functions, safe in a Web Worker,
 * the CLI and tests. See docs/agreement.md for the formulas, units, pooling, missing data,
 * span matching and the bootstrap.
 */
export * from './types.ts';
export { krippendorffAlpha, type AlphaOptions, type AlphaResult, type AlphaDetails } from './alpha.ts';
export { cohenKappa, fleissKappa, percentAgreement, type KappaResult } from './kappa.ts';
export { unitizingAlpha, unitizingAlphaStudy, type UnitizingInput, type UnitizingSpan, type UnitizingResult, type StudyArticleExtent, type StudySpan, type PooledUnitizingResult } from './unitizing.ts';
export { NONE, textUnits, unitMatrix, defaultMethod, type SegmentMethod, type StudyText, type StudyAnnotation, type UnitKind, type UnitMatrix, type TextUnit } from './units.ts';
export { matchSpans, attributeAlpha, type MatchableSpan, type SpanGroup, type SpanMatching, type AttributeAgreement } from './matching.ts';
export { bootstrapAlpha, type BootstrapOptions, type BootstrapResult } from './bootstrap.ts';
export { computeStudy, studyTable, MIN_PAIRABLE_UNITS, type StudyTable, type StudyTableRow, type StudyInput, type StudyOptions, type StudyResult, type StudyRow, type Disagreement, type Measure, type StudyArticle, type StudyCategory, type StudyAttribute, type StudyTag, type StudySpanAnnotation } from './study.ts';
export { studyFromDatasets, type DatasetStudyOptions, type DatasetStudy } from './study-datasets.ts';
export { studyFromRecords, type RecordStudyRequest } from './study-records.ts';
export { studyCsv, methodsMarkdown, STUDY_CSV_HEADER } from './report.ts';
