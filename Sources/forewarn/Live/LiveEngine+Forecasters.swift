import Engine
import Forecast
import Foundation
import Plans
import Signals

extension LiveEngine {
    /// Feeds each forecast signal's new samples to its forecaster, or trains one once the monitor's history
    /// allows it (a failed training is retried after `retryTraining`).
    func feedForecasters(at now: Date) async {
        for name in Self.forecastSignals(of: engine.planSet).sorted() {
            guard engine.forecasters[name] != nil else {
                if let tried = triedTraining[name], now.timeIntervalSince(tried) < retryTraining { continue }
                triedTraining[name] = now
                await train(name)
                continue
            }
            let since = fedUntil[name]
            let samples: [Signals.Sample]
            do {
                samples = try await monitor.samples(of: name, since: since)
            } catch {
                logger.warning("Cannot read the history of signal '\(name)': \(error)")
                continue
            }
            for sample in samples where since.map({ sample.time > $0 }) ?? true {
                guard let value = sample.value.number else { continue }
                engine.observe(Forecast.Sample(time: sample.time, value: value), of: name)
                fedUntil[name] = sample.time
            }
        }
    }

    /// Fits the signal's forecaster on the monitor's whole history, off the actor; logs why when it cannot yet.
    func train(_ name: String) async {
        guard let history = try? await monitor.samples(of: name, since: nil) else { return }
        let samples = history.compactMap { sample in
            sample.value.number.map { Forecast.Sample(time: sample.time, value: $0) }
        }
        let configuration = ForecastConfiguration(season: engine.planSet.signals[name]?.season?.seconds)
        let fit = Task.detached { try SeasonalForecaster(history: samples, configuration: configuration) }
        do {
            let forecaster = try await fit.value
            engine.forecasters[name] = forecaster
            fedUntil[name] = samples.last?.time
            logger.info("Forecaster for signal '\(name)' trained on \(samples.count) samples")
        } catch {
            logger.debug("Forecaster for signal '\(name)' not trained yet (\(samples.count) samples): \(error)")
        }
    }

    /// The signals the plans forecast: forecast triggers, event expectations and staffing volumes.
    static func forecastSignals(of planSet: PlanSet) -> Set<String> {
        func read(_ trigger: Trigger) -> [String] {
            switch trigger {
            case .forecast(let forecast): [forecast.signal]
            case .event(let event): event.expectation.map { [$0.signal] } ?? []
            case .state: []
            case .any(let list), .all(let list): list.flatMap(read)
            }
        }
        var names = Set(planSet.plans.flatMap { read($0.trigger) })
        for plan in planSet.plans {
            for action in plan.actions {
                if case .staff(let staffing) = action.kind, case .signal(let name, _) = staffing.volume {
                    names.insert(name)
                }
            }
        }
        return names
    }
}
