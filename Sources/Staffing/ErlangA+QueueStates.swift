import Foundation

extension ErlangA {
    /// The stationary M/M/N+M chain for one number of agents, in handle-time units (service rate 1).
    ///
    /// With `θ = AHT / patience` and `c = A / θ`, the queue states relative to "all N busy, none waiting" are
    /// `t_j = Π_{k=1..j} c / (N/θ + k)`; the states below N sum to `1 / B(N, A)` relative to the same state.
    struct QueueStates {
        /// The number of agents.
        let agents: Double
        /// The abandonment rate per handle time, `θ = AHT / patience`.
        let abandonmentRate: Double
        /// `c = A / θ`.
        let scaledTraffic: Double
        /// `Σ t_j` and `Σ j·t_j` over the queue states, in logs.
        let queue: ScaledSeries
        /// The log of the probability of the state "all agents busy, nobody waiting".
        let logProbabilityAllBusy: Double

        /// Sums the chain for `agents` agents of `model`.
        init(agents count: Int, model: ErlangA) {
            agents = Double(count)
            abandonmentRate = model.handleTime / model.patience
            scaledTraffic = model.traffic / abandonmentRate
            let offset = agents / abandonmentRate
            let traffic = scaledTraffic
            queue = ScaledSeries(limit: Self.termLimit(traffic)) { traffic / (offset + Double($0)) }
            let blocking = ErlangB.blockingProbability(servers: count, traffic: model.traffic)
            // P(N) = B / ((1 − B) + B·Σ t_j), in logs so that a huge queue sum cannot overflow.
            let logBlocking = log(blocking)
            logProbabilityAllBusy = logBlocking - logAddExp(log1p(-blocking), logBlocking + queue.logSum)
        }

        /// The probability that a contact is answered, but after `time` handle times.
        ///
        /// The offered wait V has density `N·P(N)·exp(c·(1 − e^{−θx}) − N·x)` for x > 0; a contact is answered
        /// at V if its patience exceeds V. Integrating from `time` to ∞ with `y = c·e^{−θx}` gives
        /// `N/θ·P(N)·exp(c·(1 − e^{−θt}) − (N + θ)·t)·S(c·e^{−θt})`, `S(y) = Σ_k y^k / Π_{i=0..k}(s + i)`,
        /// `s = N/θ + 1`: a lower incomplete gamma series.
        func probabilityOfLateAnswer(within time: Double) -> Double {
            let remaining = scaledTraffic * exp(-abandonmentRate * time)
            let shape = agents / abandonmentRate + 1
            let series = ScaledSeries(limit: Self.termLimit(remaining)) { remaining / (shape + Double($0)) }
            let exponent = scaledTraffic * -expm1(-abandonmentRate * time) - (agents + abandonmentRate) * time
            let logLate = log(agents / abandonmentRate) + logProbabilityAllBusy + exponent - log(shape) + series.logSum
            return exp(logLate).clampedToUnitInterval
        }

        /// A hard bound on the terms of a series with scale `traffic`: its terms peak near `traffic` and fall
        /// below 1e-17 of the sum within about 10·√traffic more.
        private static func termLimit(_ traffic: Double) -> Int {
            Int(min(2 * ErlangA.maximumQueueWork, traffic + 20 * traffic.squareRoot() + 1_000))
        }
    }
}
