/**
 * What a late decision (the second chance of a lone dated article, `chorus.ts`) knows beyond an
 * arrival's `joinFeatures`: which of the candidate story's members came after the lone article. On
 * arrival the article met its story before its siblings had joined; a day on, members newer than it
 * that it agrees with are the siblings it was waiting for. The late model reads `LATE_FEATURES`: the
 * join features, then these.
 */
import { JOIN_FEATURES } from './join-features.js';

export const LATE_EXTRA_FEATURES = [
  'newerMembers',
  'newerLink',
  'newerStory',
  'daysAlone',
  'storyOthers',
] as const;
export const LATE_FEATURES = [...JOIN_FEATURES, ...LATE_EXTRA_FEATURES] as const;

/** The evidence of one (lone article, candidate story) pair that arrivals do not have. */
export interface LateEvidence {
  /** The candidate's recent members that arrived after the lone article. */
  readonly newerMembers: number;
  /** The best cosine of the lone article with one of them (0 when none). */
  readonly newerLink: number;
  /** Whether the candidate story was opened after the lone article arrived. */
  readonly newerStory: boolean;
  /** Days from the lone article's date to the newest article seen. */
  readonly daysAlone: number;
  /**
   * The other members of the story decided again (0 for a lone article and on arrival): a story of two
   * or three is decided by each member in turn (`lateJoinSize`), and its members already agree.
   */
  readonly storyOthers: number;
}

/** The extra features of one pair, in the order of `LATE_EXTRA_FEATURES`. */
export function lateFeatures(e: LateEvidence): number[] {
  return [e.newerMembers, e.newerLink, e.newerStory ? 1 : 0, e.daysAlone, e.storyOthers];
}
