import Foundation
import TestPeers

extension TestEnvironment {
    /// The committed fixtures directory of the Signals tests (the peers' own configurations are `peerFixtures`).
    static var fixtures: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }
}
