/** Named entities: a trained tagger (ner/) finds names; rules group a story's mentions into entities. */
export { capitalizedRuns, type CapitalizedRun } from './capitalized-runs.js';
export { classifyRun, type ClassifiedRun } from './classify-run.js';
export {
  cleanName,
  countEntities,
  findEntityMentions,
  groupMentions,
  type EntityMention,
  textEntities,
  type TaggedMention,
  type TextEntity,
} from './find-entities.js';
export { storyEntities } from './story-entities.js';
