import Dispatch
import Foundation
import Yams

/// What loading a plan directory gave: the plan set when there were no errors, and every diagnostic.
public struct LoadResult: Sendable {
    /// The loaded plans and definitions; nil when any error was found.
    public var planSet: PlanSet?
    /// Every error and warning, ordered by file, line and column.
    public var diagnostics: [Diagnostic]
}

/// How an SMS text measures on the air, supplied by the delivery layer to `check`.
public struct SMSMeasure: Sendable, Hashable {
    /// "GSM-7" or "UCS-2".
    public var encoding: String
    /// How many segments the text needs.
    public var segments: Int

    /// Creates a measure.
    public init(encoding: String, segments: Int) {
        self.encoding = encoding
        self.segments = segments
    }
}

/// Loads a plan directory in two phases shared by `forewarn check` and the daemon: a strict decode of
/// every file (shapes), then semantic validation of the whole set. All diagnostics come out in one run.
public struct PlanLoader: Sendable {
    /// Measures an SMS text, optionally after transliteration; nil skips SMS reports.
    public var measureSMS: (@Sendable (_ text: String, _ transliterate: Bool) -> SMSMeasure)?
    /// Further checks from lower layers (calendars, for instance), run on a set free of errors.
    public var extraChecks: [@Sendable (PlanSet) -> [Diagnostic]] = []
    /// The environment credentials are looked up in (for warnings only; secrets are read at run time).
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    /// Creates a loader with no SMS measure and no extra checks.
    public init() {}

    /// The most YAML files one directory may hold.
    public static let maximumFiles = 20_000

    /// Loads `path`; diagnostics name files under `displayedAs` (default: `path` as the operator wrote it).
    public func load(directory path: String, displayedAs: String? = nil) -> LoadResult {
        let directory = displayedAs ?? path
        var sink = DiagnosticSink()
        let url = URL(fileURLWithPath: path, isDirectory: true)
        let dirLocation = SourceLocation(file: directory, line: 0, column: 0)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            sink.error(dirLocation, "plan directory not found: pass an existing directory with --plans")
            return LoadResult(planSet: nil, diagnostics: sink.diagnostics)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
        } catch {
            sink.error(dirLocation, "cannot list the plan directory: \(error.localizedDescription)")
            return LoadResult(planSet: nil, diagnostics: sink.diagnostics)
        }
        guard names.count <= Self.maximumFiles else {
            sink.error(dirLocation, "\(names.count) YAML files, above the limit of \(Self.maximumFiles)")
            return LoadResult(planSet: nil, diagnostics: sink.diagnostics)
        }
        // Phase 1, per file and independent: read, compose and shape-check the files on every core.
        let checked = FileResults(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            var fileSink = DiagnosticSink()
            let shown = (directory as NSString).appendingPathComponent(names[index])
            let file = SourceFile.read(url.appendingPathComponent(names[index]), displayPath: shown, into: &fileSink)
            var accepted = false
            if let root = file.root {
                var checker = ShapeChecker(file: file, sink: fileSink)
                checker.check(root, against: PlanLanguage.file, path: "")
                fileSink = checker.sink
                accepted = !fileSink.diagnostics.hasErrors
            }
            checked.store(index, file: accepted ? file : nil, diagnostics: fileSink.diagnostics)
        }
        var files: [SourceFile] = []
        var incomplete = false
        let checkedFiles = checked.files
        for (index, found) in checked.diagnostics.enumerated() {
            sink.append(contentsOf: found)
            if let file = checkedFiles[index] { files.append(file) } else { incomplete = true }
        }
        var assembler = SetAssembler(directory: url, displayDirectory: directory, sink: sink)
        let set = assembler.assemble(files)
        sink = assembler.sink
        if set.plans.isEmpty && !incomplete {
            sink.error(
                dirLocation,
                "no plans in this directory: a plan file is a .yaml file that starts with 'plan: <id>' (see docs/plans.md)"
            )
        }
        var validator = SemanticValidator(set: set, loader: self, referencesMayBeMissing: incomplete, sink: sink)
        validator.validate()
        sink = validator.sink
        if !sink.diagnostics.hasErrors {
            for check in extraChecks { sink.append(contentsOf: check(set)) }
        }
        let diagnostics = sink.diagnostics.sortedByLocation()
        return LoadResult(planSet: diagnostics.hasErrors ? nil : set, diagnostics: diagnostics)
    }
}

/// Builds one `PlanSet` out of checked files, reporting duplicate names across files.
struct SetAssembler {
    let directory: URL
    let displayDirectory: String
    var sink: DiagnosticSink

    mutating func assemble(_ files: [SourceFile]) -> PlanSet {
        var builder = DefinitionsBuilder(directory: directory, displayDirectory: displayDirectory, sink: sink)
        var set = PlanSet(
            directory: directory, plans: [], signals: [:], receivers: [:], audiences: [:], calendars: [:],
            policies: Policies())
        var firstSeen: [String: SourceLocation] = [:]
        func claim(_ section: String, _ name: String, _ location: SourceLocation, _ sink: inout DiagnosticSink) -> Bool
        {
            let key = section + "\u{0}" + name
            if let first = firstSeen[key] {
                sink.error(
                    location,
                    "\(section) '\(name)' is defined twice (first at \(first)); names must be unique across files")
                return false
            }
            firstSeen[key] = location
            return true
        }
        let readers = files.compactMap { file in file.root.map { NodeReader(node: $0, file: file) } }
        // Policies first: audiences take their defaults from them.
        for reader in readers {
            guard let policies = reader["policies"] else { continue }
            if claim("policies", "", reader.location(of: "policies"), &builder.sink) {
                set.policies = builder.policies(policies)
            }
        }
        for reader in readers {
            if reader.has("plan") {
                let plan = PlanBuilder.plan(reader)
                if claim("plan", plan.id, plan.location, &builder.sink) { set.plans.append(plan) }
                continue
            }
            for entry in reader["signals"]?.entries ?? []
            where claim("signal", entry.key, entry.keyLocation, &builder.sink) {
                set.signals[entry.key] = builder.signal(name: entry.key, entry.value)
            }
            for entry in reader["receivers"]?.entries ?? []
            where claim("receiver", entry.key, entry.keyLocation, &builder.sink) {
                set.receivers[entry.key] = builder.receiver(name: entry.key, entry.value)
            }
            for entry in reader["calendars"]?.entries ?? []
            where claim("calendar", entry.key, entry.keyLocation, &builder.sink) {
                set.calendars[entry.key] = builder.calendar(name: entry.key, entry.value)
            }
            for entry in reader["audiences"]?.entries ?? []
            where claim("audience", entry.key, entry.keyLocation, &builder.sink) {
                set.audiences[entry.key] = builder.audience(name: entry.key, entry.value, policies: set.policies)
            }
        }
        sink = builder.sink
        return set
    }
}

/// Per-file results of the parallel first phase; each iteration writes only its own slot of buffers allocated
/// up front (no Swift array is mutated concurrently).
private final class FileResults: @unchecked Sendable {
    private let fileSlots: UnsafeMutableBufferPointer<SourceFile?>
    private let diagnosticSlots: UnsafeMutableBufferPointer<[Diagnostic]>

    init(count: Int) {
        fileSlots = .allocate(capacity: count)
        fileSlots.initialize(repeating: nil)
        diagnosticSlots = .allocate(capacity: count)
        diagnosticSlots.initialize(repeating: [])
    }

    deinit {
        fileSlots.deinitialize()
        fileSlots.deallocate()
        diagnosticSlots.deinitialize()
        diagnosticSlots.deallocate()
    }

    var files: [SourceFile?] { Array(fileSlots) }
    var diagnostics: [[Diagnostic]] { Array(diagnosticSlots) }

    func store(_ index: Int, file: SourceFile?, diagnostics found: [Diagnostic]) {
        fileSlots[index] = file
        diagnosticSlots[index] = found
    }
}
