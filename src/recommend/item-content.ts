/**
 * What is known about an item besides who has it: the input of the content-based recommender and of
 * the hybrids' item features.
 */

/** What is known about one item. */
export interface ItemContent {
  id: string;
  /** Free text such as a title or description. Default ''. */
  text?: string;
  /** Categorical (string) or numeric attributes, e.g. `{ category: 'kitchen', price: 2.55 }`. */
  attributes?: Record<string, string | number>;
}
