export { stemSetCosine } from './cosine.js';
export { attachedFigures } from './attached-figures.js';
export { pairFeatures, pairSide, FEATURE_NAMES, type PairSide } from './features.js';
export {
  CANDIDATE_COSINE,
  SAME_CONTENT_THRESHOLDS,
  bestMatchIn,
  judgePair,
  contradiction,
  sameContent,
  sameContentProbability,
  sideOf,
  type Contradiction,
  type PairMatch,
  type SameContentThreshold,
} from './same-content.js';
export { opensWithPronoun, standAloneText, type PeopleIn } from './stand-alone.js';
