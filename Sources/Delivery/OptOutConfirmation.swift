import Foundation
import Store
import Zones

/// The one SMS that answers an opt-out or an opt-in, in the language of the keyword the sender used.
public enum OptOutConfirmation {
    /// Keywords written in Spanish (after ``OptOutParser``'s normalisation); every other keyword answers in English.
    static let spanishKeywords: Set<String> = [
        "BAJA", "DAR DE BAJA", "NO MAS", "NO MAS MENSAJES", "ALTO", "PARAR", "CANCELAR", "DETENER", "SALIR",
        "ALTA", "SI", "REANUDAR",
    ]

    /// The confirmation text for a command, or nil for a message that is neither an opt-out nor an opt-in.
    public static func text(for command: InboundCommand) -> String? {
        switch command {
        case .optOut(let keyword):
            return spanishKeywords.contains(keyword)
                ? "No recibirás más mensajes nuestros. Responde ALTA para volver a recibirlos."
                : "You will receive no more messages from us. Reply START to receive them again."
        case .optIn(let keyword):
            return spanishKeywords.contains(keyword)
                ? "Volverás a recibir nuestros avisos. Responde BAJA para dejar de recibirlos."
                : "You will receive our notices again. Reply STOP to opt out."
        case .other:
            return nil
        }
    }

    /// The submission that sends the confirmation to `address` through the SMS receiver `receiver`.
    ///
    /// Its identity is the sender and the instant of the command, so a repeated request for the same command
    /// is a duplicate; it is a reply (``PolicyCandidate/isReply``): it reaches the address the opt-out just
    /// suppressed, at once, whatever the hour.
    public static func submission(for command: InboundCommand, to address: String, receiver: String, at now: Date)
        -> NoticeSubmission?
    {
        guard let text = text(for: command) else { return nil }
        let kind: String
        if case .optOut = command { kind = "opt-out" } else { kind = "opt-in" }
        let instant = String(Int64((now.timeIntervalSince1970 * 1000).rounded()))
        return NoticeSubmission(
            identity: NoticeIdentity(
                occurrence: "inbound:\(address)", action: "\(kind)-confirmation", step: instant, recipient: address),
            receiver: receiver,
            candidate: PolicyCandidate(
                recipient: address, address: address, channel: "sms", audience: "inbound",
                timeZone: .utc, isCustomer: false, isReply: true),
            settings: PolicySettings(frequencyCap: nil, quietHours: nil), type: "notice.confirmation", text: text)
    }
}
