import { describe, expect, it } from 'vitest';
import { compareForecasts, fitHoltWinters, forecastEts, type LeaderboardRow } from 'dplab/forecast';
import { expectClose, readSeries } from '../read-fixture.ts';

// Scores from first principles, written out here so that the test does not share code with metrics.ts.
const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const absErrors = (y: number[], f: number[]) => y.map((v, i) => Math.abs(v - f[i]));
const byHand = {
  mae: (y: number[], f: number[]) => meanOf(absErrors(y, f)),
  rmse: (y: number[], f: number[]) => Math.sqrt(meanOf(y.map((v, i) => (v - f[i]) ** 2))),
  smape: (y: number[], f: number[]) =>
    meanOf(y.map((v, i) => (200 * Math.abs(v - f[i])) / (Math.abs(v) + Math.abs(f[i])))),
  /** In-sample MAE of the seasonal naive method: mean |x_t − x_{t−m}|. */
  scale: (x: number[], m: number) => meanOf(x.slice(m).map((v, t) => Math.abs(v - x[t]))),
};

const row = (rows: LeaderboardRow[], name: string): LeaderboardRow => {
  const r = rows.find((x) => x.name === name);
  if (!r) throw new Error(`no row ${name}`);
  return r;
};

describe('compareForecasts: scores from first principles', () => {
  // period 2; seasonal differences |4−3|, |9−7|, |6−4|, |10−9|, |5−6|, |12−10| → scale 9/6 = 1.5
  const train = [3, 7, 4, 9, 6, 10, 5, 12];
  const test = [8, 11, 7, 13, 9];
  const lastSeason = {
    name: 'last-season-mean',
    forecast: (t: number[], h: number) => Array(h).fill((t[6] + t[7]) / 2),
  };
  const r = compareForecasts({ train, test, period: 2, models: [lastSeason] });

  it('naive: forecasts 12; MAE (4+1+5+1+3)/5 = 2.8, MASE 2.8/1.5', () => {
    const naive = row(r.rows, 'naive');
    expect(naive.forecast).toEqual([12, 12, 12, 12, 12]);
    expect(naive.mae).toBeCloseTo(2.8, 14);
    expect(naive.rmse).toBeCloseTo(Math.sqrt(52 / 5), 14);
    expect(naive.mase).toBeCloseTo(2.8 / 1.5, 14);
  });

  it('snaive: forecasts 5, 12, 5, 12, 5; MAE (3+1+2+1+4)/5 = 2.2, MASE 2.2/1.5', () => {
    const snaive = row(r.rows, 'snaive');
    expect(snaive.forecast).toEqual([5, 12, 5, 12, 5]);
    expect(snaive.mae).toBeCloseTo(2.2, 14);
    expect(snaive.mase).toBeCloseTo(2.2 / 1.5, 14);
  });

  it('every row: MAE, RMSE, sMAPE, MASE and the Naive2 ratios agree with the formulas', () => {
    const n2 = row(r.rows, 'naive2');
    expect(byHand.scale(train, 2)).toBe(1.5);
    for (const x of r.rows) {
      const f = x.forecast;
      expectClose(
        [x.mae, x.rmse, x.smape, x.mase, x.smapeVsNaive2, x.maseVsNaive2],
        [
          byHand.mae(test, f),
          byHand.rmse(test, f),
          byHand.smape(test, f),
          byHand.mae(test, f) / 1.5,
          byHand.smape(test, f) / byHand.smape(test, n2.forecast),
          byHand.mae(test, f) / byHand.mae(test, n2.forecast),
        ],
        { rel: 1e-12 },
        x.name,
      );
    }
    expect(row(r.rows, 'last-season-mean').forecast).toEqual([8.5, 8.5, 8.5, 8.5, 8.5]);
  });

  it('ranks by MASE (ties share a rank), names the best, and says whether it beats the benchmarks', () => {
    // last-season-mean: |errors| 0.5, 2.5, 1.5, 4.5, 0.5 → MAE 1.9, the lowest.
    expect(row(r.rows, 'last-season-mean').mae).toBeCloseTo(1.9, 14);
    expect(r.best).toBe('last-season-mean');
    expect(r.beatsBaselines).toBe(true);
    const sorted = [...r.rows].sort((a, b) => a.mase - b.mase);
    for (const x of r.rows) expect(x.rank).toBe(1 + sorted.filter((s) => s.mase < x.mase).length);
    expect(row(r.rows, 'last-season-mean').rank).toBe(1);
    // A copy of the naive method ties with it.
    const tie = compareForecasts({
      train,
      test,
      period: 2,
      models: [{ name: 'copy', forecast: (t, h) => Array(h).fill(t.at(-1)) }],
    });
    expect(row(tie.rows, 'copy').rank).toBe(row(tie.rows, 'naive').rank);
    expect(tie.beatsBaselines).toBe(false);
  });

  it('keeps the test values, the history and the origin for a chart', () => {
    expect(r).toMatchObject({
      kind: 'forecast-leaderboard',
      evaluation: 'holdout',
      period: 2,
      horizon: 5,
      history: [...train, ...test],
      origins: [8],
      actual: test,
    });
  });
});

describe('compareForecasts against R forecast 8.20 on AirPassengers (train 1949-01..1958-12, test 1959-01..1960-12)', () => {
  // ../shared/datasets-candidates/ref/ref-AirPassengers-accuracy.csv (R 4.2.2 Patched r83330,
  // forecast 8.20, tools/ref): train <- ts(head(AirPassengers, 120), frequency = 12), h = 24,
  // accuracy(<call>, tail(AirPassengers, 24)); MASE scaled by the in-sample seasonal naive MAE 28.5740740740741.
  const R = {
    naive: {
      call: 'accuracy(naive(train, h = 24), test)',
      MAE: 115.25,
      RMSE: 137.328984558978,
      sMAPE: 27.7510374188124,
      MASE: 4.03337653920933,
    },
    snaive: {
      call: 'accuracy(snaive(train, h = 24), test)',
      MAE: 71.25,
      RMSE: 76.9945885544346,
      sMAPE: 17.012625361651,
      MASE: 2.49351911860013,
    },
    naive2: {
      call: 'M4 Benchmarks() naive2: naive(train / decompose(train, "multiplicative")$seasonal, h)$mean * SIout',
      MAE: 79.7651185322645,
      RMSE: 89.3322409001988,
      sMAPE: 18.7574396933257,
      MASE: 2.79152067449273,
    },
    theta: {
      call: 'accuracy(thetaf(train, h = 24), test)',
      MAE: 63.2152394231187,
      RMSE: 71.3550954128857,
      sMAPE: 14.4747277509422,
      MASE: 2.21232853457447,
    },
    ets: {
      call: 'accuracy(forecast(ets(train), h = 24), test), ETS(M,Ad,M)',
      MAE: 63.2129741006751,
      RMSE: 72.5479090459354,
      sMAPE: 14.4832745241259,
      MASE: 2.21224925562959,
    },
  };
  // R's test values, 1959-01..1960-12: the split is the same as R's.
  const rTest = [
    360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405, 417, 391, 419, 461, 472, 535, 622, 606, 508,
    461, 390, 432,
  ];
  const y = readSeries('AirPassengers');
  const r = compareForecasts({
    train: y.slice(0, 120),
    test: y.slice(120),
    period: 12,
    models: ['theta', 'ets'],
  });

  it("uses R's split", () => expect(y.slice(120)).toEqual(rTest));

  // naive and snaive are exact arithmetic: 1e-12 relative (R prints 15 digits). Naive2 goes through
  // a classical decomposition: 1e-9. thetaf and ets reproduce R's optimiser (theta.test.ts,
  // ets-parity.test.ts): 1e-8. Reached: ≤ 3e-15 for the first four, 9e-13 for ets.
  const tolerance = { naive: 1e-12, snaive: 1e-12, naive2: 1e-9, theta: 1e-8, ets: 1e-8 };
  for (const [name, ref] of Object.entries(R)) {
    it(`${ref.call}: MAE, RMSE, sMAPE, MASE`, () => {
      const x = row(r.rows, name);
      expectClose(
        [x.mae, x.rmse, x.smape, x.mase],
        [ref.MAE, ref.RMSE, ref.sMAPE, ref.MASE],
        { rel: tolerance[name as keyof typeof tolerance] },
        name,
      );
    });
  }

  it("ratios to Naive2 and the ranking follow from R's figures", () => {
    const ratios = (name: keyof typeof R) => [R[name].sMAPE / R.naive2.sMAPE, R[name].MASE / R.naive2.MASE];
    for (const name of ['naive', 'snaive', 'theta', 'ets'] as const) {
      const x = row(r.rows, name);
      expectClose([x.smapeVsNaive2, x.maseVsNaive2], ratios(name), { rel: 1e-8 }, name);
    }
    expect(r.rows.map((x) => [x.name, x.rank])).toEqual([
      ['naive', 5],
      ['snaive', 3],
      ['naive2', 4],
      ['theta', 2],
      ['ets', 1],
    ]);
    expect(r.best).toBe('ets');
    expect(r.beatsBaselines).toBe(true);
    expect(r.warnings).toEqual([]);
  });
});

describe('compareForecasts: models', () => {
  const y = readSeries('AirPassengers');
  const split = { train: y.slice(0, 120), test: y.slice(120), period: 12 };

  it('adds naive, snaive and naive2 first, flagged baseline, without repeating one that is asked for', () => {
    const r = compareForecasts({ ...split, models: ['ses', 'naive2', 'drift'] });
    expect(r.rows.map((x) => [x.name, x.baseline])).toEqual([
      ['naive', true],
      ['snaive', true],
      ['naive2', true],
      ['ses', false],
      ['drift', false],
    ]);
    expect(compareForecasts(split).rows.map((x) => x.name)).toEqual(['naive', 'snaive', 'naive2']);
  });

  it('period 1: no seasonal naive benchmark, MASE scaled by the naive in-sample MAE', () => {
    const train = [10, 12, 11, 15, 14];
    const r = compareForecasts({ train, test: [16, 15, 17, 18, 16], period: 1 });
    expect(r.rows.map((x) => x.name)).toEqual(['naive', 'naive2']);
    // scale: (2 + 1 + 4 + 1)/4 = 2; naive forecasts 14: MAE (2+1+3+4+2)/5 = 2.4
    expect(row(r.rows, 'naive').mase).toBeCloseTo(1.2, 14);
  });

  it('a custom forecaster gets a copy of the training data, h and the period; it may return { mean }', () => {
    const seen: unknown[] = [];
    const hw = {
      name: 'hw',
      forecast: (t: number[], h: number, m: number) => {
        seen.push([t.length, h, m]);
        t.fill(0);
        return forecastEts(fitHoltWinters(y.slice(0, 120), { period: m, seasonal: 'multiplicative' }), h);
      },
    };
    const r = compareForecasts({
      ...split,
      models: [hw, { name: 'typed', forecast: (t, h) => new Float64Array(h).fill(t[0]) }],
    });
    expect(seen).toEqual([[120, 24, 12]]);
    expect(row(r.rows, 'hw').error).toBeUndefined();
    expect(row(r.rows, 'hw').forecast).toHaveLength(24);
    expect(row(r.rows, 'typed').forecast).toEqual(Array(24).fill(y[0])); // hw's fill(0) touched its own copy only
    expect(row(r.rows, 'naive').forecast).toEqual(Array(24).fill(y[119]));
  });

  it('a model that throws, returns the wrong length, NaN or nothing gets an error row; the others are scored', () => {
    const r = compareForecasts({
      ...split,
      models: [
        {
          name: 'throws',
          forecast: () => {
            throw new Error('did not converge');
          },
        },
        { name: 'short', forecast: () => [1, 2, 3] },
        { name: 'nan', forecast: (_t, h) => Array(h).fill(NaN) },
        { name: 'nothing', forecast: (() => undefined) as never }, // a student's forecaster that forgets to return
        'hw-add',
      ],
    });
    expect(row(r.rows, 'throws')).toMatchObject({ error: 'did not converge', forecast: [] });
    expect(row(r.rows, 'short').error).toBe('the forecaster returned 3 values at origin 120; expected 24');
    expect(row(r.rows, 'nan').error).toBe('forecast 1 is NaN: accuracy needs finite numbers');
    expect(row(r.rows, 'nothing').error).toMatch(
      /^nothing returned undefined; forecast\(train, h, period\) must return/,
    );
    for (const name of ['throws', 'short', 'nan', 'nothing']) {
      const x = row(r.rows, name);
      expect([x.mae, x.rmse, x.smape, x.mase, x.rank, x.maseVsNaive2]).toEqual(Array(6).fill(NaN));
      expect(x.timeMs).toBeGreaterThanOrEqual(0);
    }
    expect(row(r.rows, 'hw-add').error).toBeUndefined();
    expect(
      r.rows
        .filter((x) => !x.error)
        .map((x) => x.rank)
        .sort(),
    ).toEqual([1, 2, 3, 4]);
  });

  it('records the fit and forecast time of each model', () => {
    const slow = {
      name: 'slow',
      forecast: (t: number[], h: number) => {
        const until = performance.now() + 20;
        while (performance.now() < until);
        return Array(h).fill(t.at(-1));
      },
    };
    const r = compareForecasts({ ...split, models: [slow] });
    expect(row(r.rows, 'slow').timeMs).toBeGreaterThanOrEqual(20);
    expect(row(r.rows, 'naive').timeMs).toBeLessThan(20);
  });

  it('the result survives structuredClone unchanged (plain data, error rows included)', () => {
    const r = compareForecasts({
      ...split,
      models: [
        'theta',
        {
          name: 'bad',
          forecast: () => {
            throw new Error('x');
          },
        },
      ],
    });
    const copy = structuredClone(r);
    expect(copy).toEqual(r);
    expect(JSON.parse(JSON.stringify(copy)).kind).toBe('forecast-leaderboard');
  });
});

describe('compareForecasts: rolling-origin backtest', () => {
  const y = [3, 7, 4, 9, 6, 10, 5, 12, 8, 11, 7, 13];

  it("pools MAE and RMSE over origins and averages each origin's MASE with its own scale", () => {
    const r = compareForecasts({ series: y, period: 2, backtest: { initial: 6, horizon: 2, step: 2 } });
    expect(r).toMatchObject({
      evaluation: 'backtest',
      horizon: 2,
      origins: [6, 8, 10],
      actual: [5, 12, 8, 11, 7, 13],
    });
    const naive = row(r.rows, 'naive');
    const f = [10, 10, 12, 12, 11, 11]; // the last value before each origin
    expect(naive.forecast).toEqual(f);
    expect(naive.mae).toBeCloseTo(byHand.mae(r.actual, f), 14);
    expect(naive.rmse).toBeCloseTo(byHand.rmse(r.actual, f), 14);
    const perOrigin = [6, 8, 10].map(
      (o, k) => byHand.mae(y.slice(o, o + 2), f.slice(2 * k, 2 * k + 2)) / byHand.scale(y.slice(0, o), 2),
    );
    expect(naive.mase).toBeCloseTo(meanOf(perOrigin), 14);
  });

  it('origins: n counts back from the end; the same as the matching initial', () => {
    const a = compareForecasts({ series: y, period: 2, backtest: { origins: 3, horizon: 2, step: 2 } });
    const b = compareForecasts({ series: y, period: 2, backtest: { initial: 6, horizon: 2, step: 2 } });
    expect(a.rows.map((x) => x.mase)).toEqual(b.rows.map((x) => x.mase));
    expect(a.origins).toEqual([6, 8, 10]);
  });

  it('a sliding window scales MASE by the sliding training slice', () => {
    const r = compareForecasts({
      series: y,
      period: 2,
      backtest: { initial: 6, horizon: 1, step: 3, window: 'sliding' },
    });
    expect(r.origins).toEqual([6, 9]);
    const f = [10, 8];
    const perOrigin = [6, 9].map((o, k) => Math.abs(y[o] - f[k]) / byHand.scale(y.slice(o - 6, o), 2));
    expect(row(r.rows, 'naive').mase).toBeCloseTo(meanOf(perOrigin), 14);
  });
});

describe('compareForecasts: bad options throw precise errors', () => {
  const train = [3, 7, 4, 9, 6, 10, 5, 12];
  const test = [8, 11, 7, 13, 9];
  const cases: [string, () => unknown, string | RegExp][] = [
    [
      'period 0',
      () => compareForecasts({ train, test, period: 0 }),
      'invalid period: 0 (must be an integer ≥ 1; 12 for monthly data, 4 for quarterly)',
    ],
    ['period 2.5', () => compareForecasts({ train, test, period: 2.5 }), 'invalid period: 2.5'],
    [
      'no options',
      () => compareForecasts(undefined as never),
      'compareForecasts takes { train, test, period, models }',
    ],
    [
      'no test',
      () => compareForecasts({ train, period: 1 } as never),
      'test is missing: give train and test (a hold-out)',
    ],
    [
      'empty test',
      () => compareForecasts({ train, test: [], period: 1 }),
      'test is empty: hold out at least one observation',
    ],
    [
      'NaN in train',
      () => compareForecasts({ train: [1, NaN, 3], test, period: 1 }),
      'observation 2 is NaN: train needs finite numbers',
    ],
    [
      'train too short for the period',
      () => compareForecasts({ train: train.slice(0, 4), test, period: 4 }),
      'train has 4 observations; with period 4 it needs more than 4 (a full season plus one)',
    ],
    [
      'unknown method',
      () => compareForecasts({ train, test, period: 2, models: ['magic'] }),
      'unknown method "magic": choose from naive2, naive, snaive',
    ],
    [
      'malformed model',
      () => compareForecasts({ train, test, period: 2, models: [{ name: 'x' } as never] }),
      "models[0] must be a method name ('ets', 'theta', …) or { name: string, forecast(train, h, period) }",
    ],
    [
      'benchmark name taken',
      () => compareForecasts({ train, test, period: 2, models: [{ name: 'naive', forecast: () => [] }] }),
      'models[0] is named "naive", the name of a built-in benchmark',
    ],
    [
      'name used twice',
      () => compareForecasts({ train, test, period: 2, models: ['ses', 'ses'] }),
      'models[1]: the name "ses" is used twice',
    ],
    [
      'both kinds',
      () => compareForecasts({ train, test, series: train, period: 1 } as never),
      'give either train and test (a hold-out) or series and backtest (a rolling origin), not both',
    ],
    [
      'trainIndex alone',
      () => compareForecasts({ train, test, period: 1, trainIndex: train.map((_, i) => i) }),
      'testIndex is missing: give trainIndex and testIndex together',
    ],
    [
      'index of the wrong length',
      () => compareForecasts({ train, test, period: 1, trainIndex: [0, 1], testIndex: [8, 9, 10, 11, 12] }),
      'trainIndex has 2 entries but train has 8 values',
    ],
    [
      'minTestPoints 0',
      () => compareForecasts({ train, test, period: 1, minTestPoints: 0 }),
      'invalid minTestPoints: 0 (must be an integer ≥ 1)',
    ],
    [
      'backtest without horizon',
      () => compareForecasts({ series: train, period: 1, backtest: { initial: 4 } as never }),
      'invalid horizon h: undefined (must be an integer ≥ 1)',
    ],
    [
      'backtest with initial and origins',
      () => compareForecasts({ series: train, period: 1, backtest: { initial: 4, origins: 2, horizon: 1 } }),
      'backtest needs exactly one of initial',
    ],
    [
      'backtest initial too small',
      () => compareForecasts({ series: train, period: 2, backtest: { initial: 2, horizon: 1 } }),
      'backtest.initial has 2 observations; with period 2 it needs more than 2',
    ],
    [
      'backtest too many origins',
      () => compareForecasts({ series: train, period: 2, backtest: { origins: 5, horizon: 2 } }),
      '5 origins 1 apart with horizon 2 need at least 9 observations (a season plus one to train on first), the series has 8',
    ],
    [
      'backtest step 0',
      () => compareForecasts({ series: train, period: 1, backtest: { initial: 4, horizon: 1, step: 0 } }),
      'invalid step: 0 (must be an integer ≥ 1)',
    ],
    [
      'backtest bad window',
      () =>
        compareForecasts({
          series: train,
          period: 1,
          backtest: { initial: 4, horizon: 1, window: 'fixed' as never },
        }),
      "invalid window: fixed (must be 'expanding' or 'sliding')",
    ],
    [
      'backtest past the end',
      () => compareForecasts({ series: train, period: 1, backtest: { initial: 6, horizon: 3 } }),
      'initial + horizon = 9 exceeds the 8 observations',
    ],
    [
      'backtest without series',
      () => compareForecasts({ period: 1, backtest: { initial: 4, horizon: 1 } } as never),
      'series is missing: a rolling origin needs series and backtest',
    ],
  ];
  for (const [what, call, message] of cases) {
    it(what, () => expect(call).toThrow(message));
  }
});
