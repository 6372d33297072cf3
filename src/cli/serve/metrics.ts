/**
 * The Prometheus text exposition (format 0.0.4) of `GET /metrics`, written by hand: a request counter
 * by route, method and status, and a latency histogram by route, with cumulative `le` buckets as
 * Prometheus' client libraries write them (https://prometheus.io/docs/instrumenting/exposition_formats/).
 */

/** Upper bounds of the latency buckets, in seconds. */
export const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Request counts and latencies, and the text Prometheus scrapes. */
export class ServerMetrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();

  /** Records one answered request. */
  observe(route: string, method: string, status: number, seconds: number): void {
    const key = `method="${escape(method)}",route="${escape(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let h = this.latency.get(route);
    if (!h) this.latency.set(route, (h = { counts: latencyBuckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < latencyBuckets.length; i++) if (seconds <= latencyBuckets[i]) h.counts[i]++;
    h.sum += seconds;
    h.count++;
  }

  /** The exposition text; `gauges` are extra current values (name → value, with their help text). */
  text(gauges: Record<string, { help: string; value: number }> = {}): string {
    const lines = [
      '# HELP dplab_http_requests_total HTTP requests answered, by route, method and status.',
      '# TYPE dplab_http_requests_total counter',
      ...[...this.requests].map(([labels, n]) => `dplab_http_requests_total{${labels}} ${n}`),
      '# HELP dplab_http_request_duration_seconds Time from receiving a request to answering it.',
      '# TYPE dplab_http_request_duration_seconds histogram',
    ];
    for (const [route, h] of this.latency) {
      const r = `route="${escape(route)}"`;
      latencyBuckets.forEach((le, i) =>
        lines.push(`dplab_http_request_duration_seconds_bucket{${r},le="${le}"} ${h.counts[i]}`),
      );
      lines.push(`dplab_http_request_duration_seconds_bucket{${r},le="+Inf"} ${h.count}`);
      lines.push(`dplab_http_request_duration_seconds_sum{${r}} ${h.sum}`);
      lines.push(`dplab_http_request_duration_seconds_count{${r}} ${h.count}`);
    }
    for (const [name, g] of Object.entries(gauges)) {
      lines.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`, `${name} ${g.value}`);
    }
    return lines.join('\n') + '\n';
  }
}
