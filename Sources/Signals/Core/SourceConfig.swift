/// Where a signal's values come from, with the settings of that kind of source.
public enum SourceConfig: Sendable, Hashable {
    /// An instant PromQL query against a Prometheus server.
    case prometheus(PrometheusSourceConfig)
    /// A value inside the JSON answer of an HTTP GET, addressed by a JSON pointer.
    case httpJSON(HTTPJSONSourceConfig)
    /// One variable of a UPS served by a NUT `upsd`.
    case nut(NUTSourceConfig)
    /// A number (or state) in a file: the whole file or its first line.
    case file(FileSourceConfig)
    /// The first line printed by a command.
    case command(CommandSourceConfig)
    /// Values pushed through `SignalMonitor.accept(samples:for:at:)` (the HTTP API calls it).
    case push

    /// The kind name used in configuration and messages (`prometheus`, `http-json`, `nut`, ...).
    public var kindName: String {
        switch self {
        case .prometheus: return "prometheus"
        case .httpJSON: return "http-json"
        case .nut: return "nut"
        case .file: return "file"
        case .command: return "command"
        case .push: return "push"
        }
    }

    /// The natural kind of value: state flags for NUT `ups.status`, numbers otherwise.
    public var defaultKind: SignalKind {
        if case .nut(let nut) = self, nut.variable == "ups.status" { return .state }
        return .numeric
    }
}

/// Settings of a Prometheus source.
public struct PrometheusSourceConfig: Sendable, Hashable {
    /// The server's base URL, e.g. `http://127.0.0.1:9090`.
    public var baseURL: String
    /// The PromQL expression; it must yield one series or a scalar.
    public var query: String
    /// Extra request headers (e.g. an `Authorization` header with a credential).
    public var headers: [HTTPHeaderConfig]

    /// Creates Prometheus settings.
    public init(baseURL: String, query: String, headers: [HTTPHeaderConfig] = []) {
        self.baseURL = baseURL
        self.query = query
        self.headers = headers
    }
}

/// Settings of an HTTP JSON source.
public struct HTTPJSONSourceConfig: Sendable, Hashable {
    /// The URL to GET.
    public var url: String
    /// The RFC 6901 pointer to the value inside the answer, e.g. `/data/load`.
    public var pointer: String
    /// Extra request headers.
    public var headers: [HTTPHeaderConfig]

    /// Creates HTTP JSON settings.
    public init(url: String, pointer: String, headers: [HTTPHeaderConfig] = []) {
        self.url = url
        self.pointer = pointer
        self.headers = headers
    }
}

/// One request header; its value is `value`, followed by the named credential's content when one is named.
public struct HTTPHeaderConfig: Sendable, Hashable {
    /// The header name, e.g. `Authorization`.
    public var name: String
    /// The literal value, or the prefix before the credential (e.g. `Bearer `).
    public var value: String
    /// A credential read from `$CREDENTIALS_DIRECTORY/NAME`, else the environment variable `FOREWARN_NAME`.
    public var credential: String?

    /// Creates a header.
    public init(name: String, value: String = "", credential: String? = nil) {
        self.name = name
        self.value = value
        self.credential = credential
    }
}

/// Settings of a NUT source.
public struct NUTSourceConfig: Sendable, Hashable {
    /// The upsd host (default `127.0.0.1`).
    public var host: String
    /// The upsd port (default 3493).
    public var port: Int
    /// The UPS name as configured in `ups.conf`.
    public var ups: String
    /// The variable: `ups.status`, `battery.charge`, `battery.runtime`, `input.voltage`, `ups.load`, ...
    public var variable: String

    /// Creates NUT settings.
    public init(host: String = "127.0.0.1", port: Int = 3493, ups: String, variable: String) {
        self.host = host
        self.port = port
        self.ups = ups
        self.variable = variable
    }
}

/// Settings of a file source.
public struct FileSourceConfig: Sendable, Hashable {
    /// The file's path.
    public var path: String

    /// Creates file settings.
    public init(path: String) {
        self.path = path
    }
}

/// Settings of a command source.
public struct CommandSourceConfig: Sendable, Hashable {
    /// The program and its arguments (no shell); with `shell`, exactly one element: the shell command line.
    public var arguments: [String]
    /// Runs `/bin/sh -c arguments[0]` instead of executing `arguments` directly.
    public var shell: Bool

    /// Creates command settings.
    public init(arguments: [String], shell: Bool = false) {
        self.arguments = arguments
        self.shell = shell
    }
}
