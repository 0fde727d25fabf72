import CCurl
import Foundation
import Logging

/// libcurl's process-wide initialisation, run exactly once (Swift globals initialise lazily and atomically).
/// libssh2 goes first, without its crypto initialisation (see `fw_libssh2_init_without_crypto`).
let curlGlobalInitialization: CURLcode = {
    fw_libssh2_init_without_crypto()
    return curl_global_init(Int(CURL_GLOBAL_ALL))
}()

/// A request's cancellation flag, shared between the caller's task and the loop thread.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    /// Marks the request cancelled.
    func cancel() { lock.withLock { cancelled = true } }

    /// Whether the request was cancelled.
    var isCancelled: Bool { lock.withLock { cancelled } }
}

/// The libcurl multi handle and its dedicated thread. Only `submit` and `stop` are called from other threads.
final class CurlLoop: @unchecked Sendable {
    enum Command {
        case start(id: Int, request: HTTPRequest, flag: CancellationFlag, CheckedContinuation<HTTPResponse, any Error>)
        case cancel(id: Int)
    }

    private let multi: UnsafeMutableRawPointer
    private let logger: Logger
    private let lock = NSLock()
    private var commands: [Command] = []  // guarded by lock
    private var isStopping = false  // guarded by lock
    private var isClosed = false  // guarded by lock
    private var active: [Int: CurlTransfer] = [:]  // loop thread only

    init(logger: Logger) {
        _ = curlGlobalInitialization
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        self.multi = multi
        self.logger = logger
    }

    /// Queues a command for the loop thread and wakes it; fails the request if the loop has stopped.
    func submit(_ command: Command) {
        let accepted: Bool = lock.withLock {
            guard !isStopping else { return false }
            commands.append(command)
            curl_multi_wakeup(multi)
            return true
        }
        if !accepted, case .start(_, _, _, let continuation) = command {
            continuation.resume(throwing: HTTPTransportError.shutDown)
        }
    }

    /// Asks the loop to finish: in-flight requests fail with ``HTTPTransportError/shutDown``.
    func stop() {
        lock.withLock {
            guard !isStopping else { return }
            isStopping = true
            if !isClosed { curl_multi_wakeup(multi) }
        }
    }

    /// The loop body, run on the dedicated thread until `stop()`.
    func run() {
        while true {
            let (batch, stopping) = lock.withLock {
                defer { commands.removeAll() }
                return (commands, isStopping)
            }
            for command in batch { apply(command) }
            if stopping { break }
            var running: Int32 = 0
            let code = curl_multi_perform(multi, &running)
            if code != CURLM_OK {
                logger.error("curl_multi_perform failed", metadata: ["curl.code": "\(code.rawValue)"])
            }
            collectFinished()
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        shutDown()
    }

    private func apply(_ command: Command) {
        switch command {
        case .start(let id, let request, let flag, let continuation):
            guard !flag.isCancelled else { return continuation.resume(throwing: CancellationError()) }
            start(id: id, request: request, continuation: continuation)
        case .cancel(let id):
            guard let transfer = active.removeValue(forKey: id) else { return }
            curl_multi_remove_handle(multi, transfer.easy)
            transfer.release()
            transfer.continuation.resume(throwing: CancellationError())
        }
    }

    private func start(id: Int, request: HTTPRequest, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        guard let easy = curl_easy_init() else {
            return continuation.resume(throwing: HTTPTransportError.other(code: -1, message: "curl_easy_init failed"))
        }
        let transfer = CurlTransfer(
            id: id, easy: easy, limit: request.maximumResponseBytes, continuation: continuation)
        if let failure = transfer.configure(with: request) {
            transfer.release()
            return continuation.resume(throwing: HTTPTransportError.invalidRequest(message: failure))
        }
        active[id] = transfer
        curl_multi_add_handle(multi, easy)
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let result = message.pointee.data.result
            var privateValue: UnsafeMutableRawPointer?
            _ = fw_curl_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &privateValue)
            let id = Int(bitPattern: privateValue)
            curl_multi_remove_handle(multi, easy)
            guard let transfer = active.removeValue(forKey: id) else {
                curl_easy_cleanup(easy)
                continue
            }
            finish(transfer, result: result)
        }
    }

    private func finish(_ transfer: CurlTransfer, result: CURLcode) {
        defer { transfer.release() }
        guard result == CURLE_OK else {
            let error = HTTPTransportError(
                code: result, message: transfer.message(for: result),
                overLimit: transfer.isOverLimit, limit: transfer.limit)
            logger.debug("HTTP request failed", metadata: ["http.error": "\(error)"])
            return transfer.continuation.resume(throwing: error)
        }
        var status = 0
        var seconds = 0.0
        _ = fw_curl_easy_getinfo_long(transfer.easy, CURLINFO_RESPONSE_CODE, &status)
        _ = fw_curl_easy_getinfo_double(transfer.easy, CURLINFO_TOTAL_TIME, &seconds)
        var connects = 0
        _ = fw_curl_easy_getinfo_long(transfer.easy, CURLINFO_NUM_CONNECTS, &connects)
        var response = HTTPResponse(
            status: status, headers: transfer.headers, body: transfer.body,
            totalTime: .microseconds(Int64((seconds * 1_000_000).rounded())))
        response.reusedConnection = connects == 0
        transfer.continuation.resume(returning: response)
    }

    private func shutDown() {
        for transfer in active.values {
            curl_multi_remove_handle(multi, transfer.easy)
            transfer.release()
            transfer.continuation.resume(throwing: HTTPTransportError.shutDown)
        }
        active.removeAll()
        let late = lock.withLock {
            isClosed = true
            defer { commands.removeAll() }
            return commands
        }
        for case .start(_, _, _, let continuation) in late {
            continuation.resume(throwing: HTTPTransportError.shutDown)
        }
        curl_multi_cleanup(multi)
    }
}
