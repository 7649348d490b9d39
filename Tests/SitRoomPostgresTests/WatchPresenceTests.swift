import Foundation
import SitRoomChangeStore
import SitRoomPostgres
import Testing

/// A console on the server whose officer has the watch role renames its connection: the writing
/// consoles stop counting it, and it still learns who writes, also after a reconnection.
@Suite struct WatchPresenceTests {
    /// Tends both stores until `done` holds (the consoles are asked for every 2 s), at most 15 s.
    static func tend(_ stores: [PostgresChangeStore], until done: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            for s in stores { s.tend() }
            if done() { return true }
            usleep(100_000)
        }
        return false
    }

    @Test func aWatchRolesConsoleIsNotCountedAmongTheWriters() throws {
        let address = try SharedServer.freshDatabase()
        let kim = try PostgresChangeStore.open(address, officer: "kim", client: .console)
        let lee = try PostgresChangeStore.open(address, officer: "lee", client: .console)
        defer { kim.close(); lee.close() }
        let kimPresence = kim.joinConsoles(officer: "kim", writing: true)
        // Until lee's console knows it may change nothing, kim counts it.
        #expect(Self.tend([kim, lee]) { kimPresence.others() == ["lee"] })
        let leePresence = lee.joinConsoles(officer: "lee", writing: false)
        #expect(Self.tend([kim, lee]) { kimPresence.others() == [] && leePresence.others() == ["kim"] },
                "kim: \(kimPresence.others() ?? []), lee: \(leePresence.others() ?? [])")
    }
}
