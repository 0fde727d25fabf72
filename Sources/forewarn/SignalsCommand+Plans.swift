import ArgumentParser
import Daemon
import Foundation
import Plans
import Signals

extension SignalsTestCommand {
    /// Loads the plan directory as `check` does and bridges its signal `name`.
    func configFromPlans() throws -> SignalConfig {
        let directory = plans.resolved
        let result = PlanLoading.makeLoader().load(directory: directory)
        guard let planSet = result.planSet else {
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            }
            FileHandle.standardError.write(Data("\(directory): fix these errors (forewarn check) and try again\n".utf8))
            throw ExitCode(2)
        }
        guard let definition = planSet.signals[name] else {
            let known = planSet.signals.keys.sorted().joined(separator: ", ")
            let message = "error: no signal '\(name)' in \(directory) (signals: \(known.isEmpty ? "none" : known))\n"
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(2)
        }
        return SignalConfig(plan: definition)
    }
}
