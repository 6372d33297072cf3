/**
 * The interaction data every recommender reads: one observed row ({@link Interaction}) and the sparse
 * user × item matrix built from them ({@link Interactions}, in both orientations; interactions.ts
 * builds and reads it).
 */

/** One observed interaction, as read from a file. */
export interface Interaction {
  user: string;
  item: string;
  /** Rating (explicit) or strength such as a count (implicit). Default 1. */
  value?: number;
  /** When it happened (ms since epoch), for temporal splits and time-windowed popularity. */
  time?: number;
}

/** A sparse user × item matrix in both orientations. */
export interface Interactions {
  userIds: string[];
  itemIds: string[];
  /** CSR by user: the items of user u are `userItems[userPtr[u] … userPtr[u+1])`, values in `userValues`. */
  userPtr: Int32Array;
  userItems: Int32Array;
  userValues: Float64Array;
  /** Interaction times aligned with `userItems` (NaN when unknown). */
  userTimes: Float64Array;
  /** CSC by item: the users of item i are `itemUsers[itemPtr[i] … itemPtr[i+1])`, values in `itemValues`. */
  itemPtr: Int32Array;
  itemUsers: Int32Array;
  itemValues: Float64Array;
}

/** How `buildInteractions` and `fromTriplets` merge several rows of the same user–item pair. */
export type DuplicatePolicy = 'sum' | 'last' | 'max';
