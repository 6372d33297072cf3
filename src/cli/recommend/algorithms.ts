/**
 * The recommenders `dplab recommend` runs: the entries of the library's registry that have a CLI name
 * (`pop`, `random`, `itemknn`, `userknn`, `als`, `bpr`, `content`, `hybrid`), in the registry's order,
 * baselines first. Their names, labels, options and defaults all come from the registry.
 */
import { recommenders, type Recommender, type RecommenderModel } from '../../recommend/index.ts';

/** A recommender the command runs: a registry entry with its CLI name. */
export type Algorithm = Recommender<RecommenderModel> & { cli: string };

/** Every algorithm of the command, in the order it lists them. */
export const algorithms: readonly Algorithm[] = recommenders.filter(
  (r): r is Algorithm => r.cli !== undefined,
);

/** The names `--algos` takes. */
export const algorithmNames: readonly string[] = algorithms.map((a) => a.cli);

/** The algorithm called `name`, or an error listing the valid ones. */
export function algorithm(name: string): Algorithm {
  const a = algorithms.find((x) => x.cli === name);
  if (!a) throw new Error(`unknown algorithm "${name}": choose from ${algorithmNames.join(', ')}`);
  return a;
}
