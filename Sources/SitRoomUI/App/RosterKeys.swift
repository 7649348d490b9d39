import SitRoomCore

extension AppModel {
    /// `e` and `a` in the roster view start a `:officer` line rather than a form: an officer's record
    /// is a handful of words, and the check of who may change it is made at the commit.
    mutating func startRosterCommand(_ text: String) {
        if isReadOnly {
            say(readOnlyMessage, role: .error)
            return
        }
        prompt = Prompt(kind: .command, text: text)
        if let me = board.roster[officer], me.role < .admin {
            say("only an admin changes the roster; you are \(me.role.rawValue)", role: .muted)
        }
    }

    /// This console's officer on the roster and their role, as the top bar shows it (`kim·supervisor`);
    /// just the officer without a roster, or when they are not on it.
    public var officerLabel: String {
        guard let role = board.roster[officer]?.role else { return officer }
        return officer + "·" + role.rawValue
    }
}
