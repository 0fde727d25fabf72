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
        // Phase 1, per file and independent: read, compose and shape-check the files on every core, and build
        // the plan of each plan file (a plan reads nothing outside its file).
        let checked = FileResults(count: names.count)
        let encodingName = Parser.Encoding.default.rawValue  // reads the environment: once, not per file
        let base = url.path.hasSuffix("/") ? url.path : url.path + "/"
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            var fileSink = DiagnosticSink()
            let shown = (directory as NSString).appendingPathComponent(names[index])
            let file = SourceFile.read(
                path: base + names[index], displayPath: shown, encoding: Parser.Encoding(rawValue: encodingName)!,
                into: &fileSink)
            var accepted = false
            if let root = file.root {
                var checker = ShapeChecker(file: file, sink: fileSink)
                checker.check(root, against: PlanLanguage.file, path: "")
                fileSink = checker.sink
                accepted = !fileSink.diagnostics.hasErrors
            }
            let reader = file.root.map { NodeReader(node: $0, file: file) }
            let plan = accepted && reader?.has("plan") == true ? reader.map(PlanBuilder.plan) : nil
            checked.store(index, file: accepted ? file : nil, plan: plan, diagnostics: fileSink.diagnostics)
        }
        var files: [(file: SourceFile, plan: Plan?)] = []
        var incomplete = false
        let (checkedFiles, checkedPlans) = (checked.files, checked.plans)
        for (index, found) in checked.diagnostics.enumerated() {
            sink.append(contentsOf: found)
            if let file = checkedFiles[index] { files.append((file, checkedPlans[index])) } else { incomplete = true }
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

    /// Assembles `files`, each with its plan when it is a plan file (built in the parallel phase).
    mutating func assemble(_ files: [(file: SourceFile, plan: Plan?)]) -> PlanSet {
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
        let readers = files.compactMap { entry in
            entry.file.root.map { (reader: NodeReader(node: $0, file: entry.file), plan: entry.plan) }
        }
        // Policies first: audiences take their defaults from them.
        for (reader, _) in readers {
            guard let policies = reader["policies"] else { continue }
            if claim("policies", "", reader.location(of: "policies"), &builder.sink) {
                set.policies = builder.policies(policies)
            }
        }
        for (reader, built) in readers {
            if let plan = built ?? (reader.has("plan") ? PlanBuilder.plan(reader) : nil) {
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
    private let planSlots: UnsafeMutableBufferPointer<Plan?>
    private let diagnosticSlots: UnsafeMutableBufferPointer<[Diagnostic]>

    init(count: Int) {
        fileSlots = .allocate(capacity: count)
        fileSlots.initialize(repeating: nil)
        planSlots = .allocate(capacity: count)
        planSlots.initialize(repeating: nil)
        diagnosticSlots = .allocate(capacity: count)
        diagnosticSlots.initialize(repeating: [])
    }

    deinit {
        fileSlots.deinitialize()
        fileSlots.deallocate()
        planSlots.deinitialize()
        planSlots.deallocate()
        diagnosticSlots.deinitialize()
        diagnosticSlots.deallocate()
    }

    var files: [SourceFile?] { Array(fileSlots) }
    var plans: [Plan?] { Array(planSlots) }
    var diagnostics: [[Diagnostic]] { Array(diagnosticSlots) }

    func store(_ index: Int, file: SourceFile?, plan: Plan?, diagnostics found: [Diagnostic]) {
        fileSlots[index] = file
        planSlots[index] = plan
        diagnosticSlots[index] = found
    }
}
