/**
 * The shape of a forecasting method in the registry (`registry.ts`): what it is told about the
 * series, its options, and the one call that fits and forecasts. A file of its own so that the
 * methods' adapters (`prophet-method.ts`, `auto-arima-method.ts`) and the registry that lists them
 * import the shape, not each other.
 */
import type { FittedModel, Forecast } from './model.ts';

/** What one method needs to know about the series. */
export interface MethodInput {
  values: number[];
  /** Seasonal period (1 for none). */
  period: number;
  h: number;
  /** Interval levels in percent. */
  level: number[];
  /** ISO dates of the values, when known (`prophet` uses them; without, it makes dates spaced by the period). */
  dates?: readonly string[];
}

/** An option value a method takes: a number, a flag, a word, or a tuple of numbers (an order). */
export type MethodOptionValue = number | boolean | string | readonly number[];

/** A method's options by name, as `run` receives them (absent ones take their defaults). */
export type MethodOptions = Readonly<Record<string, MethodOptionValue>>;

/** A method by name: fits and forecasts in one call. */
export interface ForecastMethod {
  name: string;
  /** What it is, for tables and help. */
  label: string;
  /** A naïve benchmark every other method is compared with. */
  baseline: boolean;
  /** Its options with their defaults (what the library uses when an option is not given). */
  defaults?: MethodOptions;
  /** The allowed words of its string options. */
  choices?: Readonly<Record<string, readonly string[]>>;
  run(input: MethodInput, options?: MethodOptions): { fit: FittedModel; forecast: Forecast };
}
