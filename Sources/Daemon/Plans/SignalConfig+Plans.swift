import Foundation
import Plans
import Signals

extension SignalConfig {
    /// The Signals configuration of a plan directory's signal definition (used by `run` and `signals test`).
    public init(plan definition: Plans.SignalDefinition) {
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
