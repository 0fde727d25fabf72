import Foundation

/// Why a forecaster could not be built.
public struct ForecastError: Error, Equatable, CustomStringConvertible {
    private enum Code: Equatable { case tooShort, badStep, badSeason, seasonTooLong, badSetting }
    private let code: Code
    /// What failed and what to do.
    public let description: String

    static func tooShort(_ count: Int) -> ForecastError {
        ForecastError(
            code: .tooShort, description: "need at least 3 finite samples to train, got \(count); feed more history")
    }
    static func badStep(_ step: TimeInterval) -> ForecastError {
        ForecastError(code: .badStep, description: "the step must be a positive duration, got \(step) s")
    }
    static func badSeason(_ season: TimeInterval, step: TimeInterval) -> ForecastError {
        ForecastError(
            code: .badSeason,
            description: "the season (\(season) s) must be a positive multiple of the step (\(step) s)")
    }
    static func seasonTooLong(_ steps: Int, limit: Int) -> ForecastError {
        ForecastError(
            code: .seasonTooLong,
            description: "a season of \(steps) steps exceeds \(limit); aggregate the signal to a coarser step")
    }
    static func badSetting(_ message: String) -> ForecastError {
        ForecastError(code: .badSetting, description: message)
    }
}

extension ForecastConfiguration {
    /// Throws when a count is out of range.
    func validate() throws(ForecastError) {
        guard sameSlotSeasons >= 1 else { throw .badSetting("sameSlotSeasons must be at least 1") }
        guard fitSeasons >= 1 else { throw .badSetting("fitSeasons must be at least 1") }
        guard maxEvaluations >= 1 else { throw .badSetting("maxEvaluations must be at least 1") }
        guard objectiveHorizon > 0 else { throw .badSetting("objectiveHorizon must be a positive duration") }
    }
}
