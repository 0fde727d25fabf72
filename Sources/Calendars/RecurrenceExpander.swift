import CICal

/// Expands a libical recurrence rule into wall-clock start times inside a bounded window.
struct RecurrenceExpander {
    /// The most iterator steps one expansion may take before it stops with an error.
    static let maximumSteps = 200_000

    /// The rule, with any UTC UNTIL already converted to the zone's wall clock.
    var rule: icalrecurrencetype
    /// The first wall-clock start (DTSTART).
    var start: LocalDateTime
    /// Whether starts are dates (all-day events) rather than date-times.
    var isDate: Bool

    /// Creates an expander; a UTC UNTIL is moved to the zone's wall clock so comparisons are like for like.
    init(rule: icalrecurrencetype, start: LocalDateTime, isDate: Bool, zone: ZoneRules) {
        var rule = rule
        if icaltime_is_null_time(rule.until) == 0, icaltime_is_utc(rule.until) != 0, rule.until.is_date == 0 {
            let seconds = Int64(icaltime_as_timet(rule.until))
            let local = LocalDateTime(wallSeconds: seconds + Int64(zone.offsetAt(seconds)))
            rule.until = .floating(local, isDate: false)
        }
        self.rule = rule
        self.start = start
        self.isDate = isDate
    }

    /// Wall-clock starts between `lower` and `upper` (wall seconds, inclusive). Call under the lock.
    func starts(lower: Int64, upper: Int64) throws -> [LocalDateTime] {
        let iterator = try makeIterator()
        defer { icalrecur_iterator_free(iterator) }
        guard let first = next(iterator) else {
            throw CalendarError(
                .invalidRule,
                "recurrence rule '\(ruleText)' from \(start) never produces an occurrence; check UNTIL and the BY* parts"
            )
        }
        var current: LocalDateTime? = first
        if rule.count == 0, lower > first.wallSeconds {
            let jump = LocalDateTime(wallSeconds: lower)
            if icalrecur_iterator_set_start(iterator, .floating(jump, isDate: isDate)) != 0 {
                current = next(iterator)
            }
        }
        var result: [LocalDateTime] = []
        var steps = 0
        while let local = current, local.wallSeconds <= upper {
            if local.wallSeconds >= lower { result.append(local) }
            steps += 1
            guard steps < Self.maximumSteps else {
                throw CalendarError(
                    .limitExceeded,
                    "recurrence rule '\(ruleText)' needs more than \(Self.maximumSteps) steps to reach the window; "
                        + "move DTSTART closer or narrow the window")
            }
            current = next(iterator)
        }
        return result
    }

    /// The rule as libical prints it. Call under the lock.
    var ruleText: String {
        var copy = rule
        return icalrecurrencetype_as_string(&copy).map { String(cString: $0) } ?? "?"
    }

    private func makeIterator() throws -> OpaquePointer {
        icalerror_clear_errno()
        guard let iterator = icalrecur_iterator_new(rule, .floating(start, isDate: isDate)) else {
            let text = ruleText
            let reason =
                RecurrenceRule.impossibility(of: text).map { "never matches: \($0)" }
                ?? "is rejected by libical (\(LibICal.currentErrorText() ?? "unknown reason"))"
            throw CalendarError(.invalidRule, "recurrence rule '\(text)' \(reason)")
        }
        return iterator
    }

    private func next(_ iterator: OpaquePointer) -> LocalDateTime? {
        let time = icalrecur_iterator_next(iterator)
        return icaltime_is_null_time(time) != 0 ? nil : time.localDateTime
    }
}
