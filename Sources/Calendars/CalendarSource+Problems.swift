import Foundation
import Zones

extension CalendarSource {
    /// Every problem in this source, found without expanding it; dates and floating times read in `timeZone`.
    public func problems(timeZone: Zone) -> [CalendarError] {
        let zone = ZoneRules(zone: timeZone)
        switch self {
        case .event(let event):
            return event.problems()
        case .recurring(let event):
            return collecting(kind: .invalidRule, source: nil) {
                // An empty window still builds the iterator and asks it for a first occurrence.
                _ = try LibICal.withLock { try event.occurrences(from: .distantPast, to: .distantPast, zone: zone) }
                return []
            }
        case .ics(let calendar):
            return calendar.problems(floatingZone: zone)
        case .icsFile(let path):
            return collecting(kind: .unreadableFile, source: path) {
                try ICSCalendar.load(path: path).problems(floatingZone: zone)
            }
        }
    }

    private func collecting(
        kind: CalendarError.Kind, source: String?, _ body: () throws -> [CalendarError]
    ) -> [CalendarError] {
        do {
            return try body()
        } catch let error as CalendarError {
            return [error]
        } catch {
            return [CalendarError(kind, "\(error)", source: source)]
        }
    }
}
