import Foundation
import TestPeers
import Testing

@testable import Signals

/// The file source on real files in a temporary directory.
struct FileSourceTests {
    private func read(_ contents: String?, name: String = "value") async throws -> Result<RawReading, SignalReadError> {
        let directory = try TestEnvironment.makeTemporaryDirectory("file")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        if let contents { try contents.write(to: url, atomically: true, encoding: .utf8) }
        return await FileSource(config: FileSourceConfig(path: url.path)).read(timeout: .seconds(1))
    }

    @Test func readsANumberOrTheFirstLine() async throws {
        #expect(try await read("42.5\n").get().payload == .text("42.5"))
        #expect(try await read("\n  17\nsecond line\n").get().payload == .text("  17"))
        #expect(try await read("OB DISCHRG\n").get().payload == .text("OB DISCHRG"))
    }

    @Test func anHTMLFileIsRejectedAsHTML() async throws {
        let reading = try await read("<!DOCTYPE html>\n<html><body>oops</body></html>\n").get()
        guard case .failure(let bad) = SampleValidator().validate(reading, at: Date()) else {
            Issue.record("an HTML page was accepted")
            return
        }
        #expect(bad.reason == .htmlPage)
    }

    @Test func anEmptyFileIsAnEmptySample() async throws {
        let reading = try await read("").get()
        guard case .failure(let bad) = SampleValidator().validate(reading, at: Date()) else {
            Issue.record("an empty file was accepted")
            return
        }
        #expect(bad.reason == .empty)
    }

    @Test func aMissingFileSaysSo() async throws {
        let result = try await read(nil)
        #expect(result.failure?.code == .local)
        #expect(result.failure?.message.hasSuffix("does not exist; check the path or the writer") == true)
    }

    @Test func aDirectoryIsNotAFile() async throws {
        let directory = try TestEnvironment.makeTemporaryDirectory("dir")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = await FileSource(config: FileSourceConfig(path: directory.path)).read(timeout: .seconds(1))
        #expect(result.failure?.message == "'\(directory.path)' is a directory, not a file")
    }

    @Test func aNamedPipeIsRefusedInsteadOfBlocking() async throws {
        let directory = try TestEnvironment.makeTemporaryDirectory("fifo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let result = await FileSource(config: FileSourceConfig(path: path)).read(timeout: .seconds(1))
        #expect(result.failure?.message == "'\(path)' is not a regular file (a pipe or device could block)")
    }

    @Test func followsASymbolicLink() async throws {
        let directory = try TestEnvironment.makeTemporaryDirectory("link")
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("value")
        try "61\n".write(to: target, atomically: true, encoding: .utf8)
        let link = directory.appendingPathComponent("current")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let result = await FileSource(config: FileSourceConfig(path: link.path)).read(timeout: .seconds(1))
        #expect(try result.get().payload == .text("61"))
    }

    @Test func readsOnlyTheStartOfAHugeFile() async throws {
        let huge = "12\n" + String(repeating: "x", count: 1_000_000)
        #expect(try await read(huge).get().payload == .text("12"))
    }
}
