import ArgumentParser
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

extension SignalConfig {
    /// The Signals configuration of a plan directory's signal definition (the bridge the daemon uses too).
    init(plan definition: Plans.SignalDefinition) {
        let source: SourceConfig
        switch definition.source {
        case .prometheus(let url, let query):
            source = .prometheus(PrometheusSourceConfig(baseURL: url, query: query))
        case .httpJSON(let url, let pointer, let headers):
            let bridged = headers.sorted { $0.key < $1.key }.map { name, value -> HTTPHeaderConfig in
                switch value {
                case .text(let text): return HTTPHeaderConfig(name: name, value: text)
                case .credential(let reference):
                    return HTTPHeaderConfig(name: name, value: reference.prefix, credential: reference.name)
                }
            }
            source = .httpJSON(HTTPJSONSourceConfig(url: url, pointer: pointer, headers: bridged))
        case .nut(let host, let port, let ups, let variable):
            source = .nut(NUTSourceConfig(host: host, port: port, ups: ups, variable: variable))
        case .file(let path):
            source = .file(FileSourceConfig(path: path))
        case .command(let arguments, let useShell):
            source = .command(CommandSourceConfig(arguments: arguments, shell: useShell))
        case .push:
            source = .push
        }
        func duration(_ value: PlanDuration) -> Duration { .milliseconds(Int64((value.seconds * 1000).rounded())) }
        self.init(
            name: definition.name, source: source, interval: duration(definition.interval),
            timeout: duration(definition.timeout), validRange: definition.validRange,
            staleAfter: duration(definition.staleAfter))
    }
}
