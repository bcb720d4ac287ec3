//! Timing for the benchmarks: untimed warm-up runs, then timed ones, summed up as p50, p95
//! (nearest rank) and max.

use std::time::Duration;

/// Untimed runs before the timed ones, unless `PERCORSO_BENCH_WARM_UP` says otherwise.
pub const WARM_UP: usize = 20;

fn warm_up() -> usize {
    std::env::var("PERCORSO_BENCH_WARM_UP")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(WARM_UP)
}

/// p50, p95 and max of some times.
pub struct Spread {
    pub p50: Duration,
    pub p95: Duration,
    pub max: Duration,
}

impl Spread {
    /// The spread of `times`, sorted in place.
    pub fn of(times: &mut [Duration]) -> Self {
        times.sort_unstable();
        Self {
            p50: percentile(times, 50),
            p95: percentile(times, 95),
            max: times[times.len() - 1],
        }
    }
}

/// Times `run` `iterations` times after [`WARM_UP`] untimed runs.
pub async fn time<F, Fut>(iterations: usize, mut run: F) -> Spread
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Duration>,
{
    let warm_up = warm_up();
    let mut times = Vec::with_capacity(iterations);
    for round in 0..warm_up + iterations {
        let took = run().await;
        if round >= warm_up {
            times.push(took);
        }
    }
    Spread::of(&mut times)
}

/// The timed runs a page and way: `PERCORSO_BENCH_ITERATIONS`, else `default`.
pub fn iterations(default: usize) -> usize {
    std::env::var("PERCORSO_BENCH_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The value at `percent` of sorted `times` (nearest rank).
pub fn percentile(times: &[Duration], percent: usize) -> Duration {
    let rank = (times.len() * percent).div_ceil(100).max(1);
    times[rank - 1]
}
