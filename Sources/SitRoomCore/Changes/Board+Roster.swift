import Foundation

extension Board {
    mutating func apply(_ action: RosterAction, stamp: Stamp) throws {
        var next = roster
        switch action {
        case .add(let officer):
            try officer.validate()
            guard next[officer.id] == nil else { throw ChangeError.duplicate("officer", officer.id) }
            next[officer.id] = officer
        case .edit(let officer):
            try officer.validate()
            guard next[officer.id] != nil else { throw ChangeError.unknown("officer", officer.id) }
            next[officer.id] = officer
        case .retire(let id):
            guard var officer = next[id] else { throw ChangeError.unknown("officer", id) }
            try require(officer.isActive, "officer \(id) is already retired", field: "id")
            officer.retired = stamp
            next[id] = officer
        }
        try require(!roster.isEmpty || next.values.contains { $0.role == .admin },
                    "the first officer on the roster must be an admin, so that someone can keep it: add yourself first with --role admin",
                    field: "role")
        try require(next.values.contains { $0.isActive && $0.role == .admin },
                    "the roster would have no admin left: make another officer admin first", field: "role")
        roster = next
    }
}

extension Officer {
    /// What an SSH key fingerprint looks like (`ssh-keygen -lf`): SHA256: and 43 characters of base64.
    public static func isFingerprint(_ text: String) -> Bool {
        guard text.hasPrefix("SHA256:") else { return false }
        let body = text.dropFirst(7)
        return body.count == 43 && body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/") }
    }

    func validate() throws {
        try require(!id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) },
                    "officer id \"\(id)\": use letters, digits, . _ - (e.g. kim.mj)", field: "id")
        try require(!name.trimmingCharacters(in: .whitespaces).isEmpty, "officer \(id) needs a name", field: "name")
        try require(!osUsers.isEmpty || !keys.isEmpty,
                    "officer \(id) needs an identity: an OS user name (--os-user) or an SSH key (--key)", field: "identity")
        for user in osUsers {
            try require(!user.isEmpty && !user.contains { $0.isWhitespace || $0 == ":" || $0 == "/" },
                        "\"\(user)\" is not an OS user name", field: "os_users")
        }
        for key in keys {
            try require(Self.isFingerprint(key),
                        "\"\(key)\" is not a key fingerprint: expected SHA256:… as `ssh-keygen -lf KEY.pub` prints it", field: "keys")
        }
        for line in publicKeys {
            try require(line.split(separator: " ").count >= 2 && !line.contains { $0.isNewline },
                        "\"\(line.prefix(40))…\" is not a public key line (TYPE BASE64 [comment])", field: "public_keys")
        }
    }
}
