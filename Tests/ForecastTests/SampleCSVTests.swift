import Foundation
import Testing

@testable import Forecast

@Suite struct SampleCSVTests {
    @Test func readsNaiveAndISOTimestamps() throws {
        let text =
            "timestamp,value\n2014-07-01 00:00:00,10844\n2014-07-01T00:30:00Z,8127.5\r\n\n"
            + "2014-07-01T02:00:00+01:00, 6210 \n\"2014-07-01T01:30:00.250Z\",1e3\n1404180000,7\n"
        let samples = try SampleCSV.parse(text, file: "t.csv")
        #expect(samples.map(\.value) == [10844, 8127.5, 6210, 1000, 7])
        let seconds: [TimeInterval] = [1_404_172_800, 1_404_174_600, 1_404_176_400, 1_404_178_200.25, 1_404_180_000]
        #expect(samples.map { $0.time.timeIntervalSince1970 } == seconds)
    }

    @Test(arguments: [
        (
            "timestamp,value\n2014-07-01 00:00:00,1\n2014-13-01 00:00:00,2\n",
            "t.csv:3: error: '2014-13-01 00:00:00' is not a timestamp (use ISO 8601, e.g. 2014-07-01T00:00:00Z)"
        ),
        ("2014-07-01 00:00:00,abc\n", "t.csv:1: error: 'abc' is not a finite number"),
        ("2014-07-01 00:00:00,nan\n", "t.csv:1: error: 'nan' is not a finite number"),
        ("2014-07-01 00:00:00,1,2\n", "t.csv:1: error: expected 2 columns 'timestamp,value', found 3"),
        (
            "2014-07-01 00:30:00,1\n2014-07-01 00:00:00,2\n",
            "t.csv:2: error: timestamp '2014-07-01 00:00:00' is not after the previous row's; sort the trace by time"
        ),
    ])
    func badRowsSayWhereAndWhat(text: String, message: String) {
        #expect {
            try SampleCSV.parse(text, file: "t.csv")
        } throws: { error in
            (error as? SampleCSV.ParseError)?.description == message
        }
    }

    @Test func timestampsRoundTrip() throws {
        for seconds in [0.0, 1_404_172_800, 1_420_070_399, 951_782_400, 1_404_178_200.25] {
            let date = Date(timeIntervalSince1970: seconds)
            let text = Timestamp.format(date)
            #expect(Timestamp.parse(text) == date, "\(text)")
        }
        #expect(Timestamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(Timestamp.parse("2015-02-29T00:00:00Z") == nil)
        #expect(Timestamp.parse("2014-07-01T00:00") == Date(timeIntervalSince1970: 1_404_172_800))
    }
}
