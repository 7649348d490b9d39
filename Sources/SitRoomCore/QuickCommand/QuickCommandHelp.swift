import Foundation

extension QuickCommandParser {
    /// One entry per command, for the `?` help and the README.
    public static let grammar: [(syntax: String, meaning: String)] = [
        ("er <hospital> [open|limited|diverting|closed] [beds=a/s] [icu=a/s] [nicu=a/s] [picu=a/s] [docs=n/min] [icudocs=n/min] [reason]",
         "report an ER: state (may be abbreviated: o l d c), beds available/staffed, doctors on duty/minimum, reason; the state may be left out when a figure is given; bare figures fill beds, icu, docs in that order: er snuh l 3/20 1/12 4/6"),
        ("strike <hospital> [absent=n[/roll]] [roll=n] [returned=n] [resigned=n] [orders=n] [served=n] [complied=n]",
         "report a hospital's trainee doctors (absent of the roll, returned, resigned) and return-to-work orders (issued, served, complied)"),
        ("log [sev=info|notice|warning|critical] [cat=word] [at=time] [h=hospital] [a=agency] text",
         "add a situation log entry (text: everything that is not key=value; at= defaults to now)"),
        ("act <agency> text [due=time]", "add an action item owned by the agency"),
        ("call <agency|contact> <reached|no-answer|left-message> [note]",
         "log a call to an agency or a person (outcome may be r, na, lm)"),
        ("done <action-id>", "mark an open action item done"),
        ("goto <hospital>", "select the hospital on the screen"),
        ("filter [text]", "show only rows containing the text; nothing clears the filter"),
        ("theme <name>", "switch to a colour theme"),
        ("help", "show this help"),
        ("undo", "undo the last change"),
        ("redo", "redo the last change undone"),
        ("cap <hospital> [+|-|?condition[,condition]]... [hours=24h|08:00-22:00] [visits=total/severe[/mild]] [ct=1|0 ...] [reason]",
         "report what an ER can treat now: + available, - not, ? unknown; the condition by code (Y0020), short label (stroke) or the start of a name (뇌경색); the reason goes with the - and ? ones; equipment: ct mri angio vent ventneo incu crrt ecmo oxy hypo (1/0), pvent incus (counts): cap snuh -stroke +stemi \"neurosurgeon off\""),
        ("restrict <hospital> text|end [cat=word] [from=time] [until=time]",
         "post a restriction notice (from now unless from=; it lapses at until=): restrict snuh \"소아 야간 진료 불가 22:00–08:00\" cat=paediatric; restrict snuh end ends the hospital's notices not yet over"),
        ("where <condition> [region]",
         "list the open or limited ERs that report the condition available (code, short label or the start of a name: where stroke Seoul), the region's first, then the freshest; Enter opens one"),
        ("sec <hospital> <type> [injured=n] [at=time] [sev=…] text | sec <id> notified [police] [by=caller] [at=time] | onscene [at=time] | closed <outcome> [note] | remove <reason>",
         "open a hospital security incident (type by the start of its Korean or English name: 폭행, vio, threat, sit; its id is S1, S2, …), then move it along: police notified (a contact, agency or text; nothing = the hospital's post), on scene, closed with arrest, warning, mediated or no-action"),
        ("level <hospital> normal|elevated|high|lockdown [post=police]", "set a hospital's security level, or the police post or hotline that serves it"),
        ("officers", "show the officers' roster (key O): who may do what"),
        ("officer role|desk|name <officer> <value> | officer retire <officer> | officer add <id> <name> [role=…] [desk=…] [user=os-user[,…]]",
         "change the roster (an admin only): officer role kim supervisor, officer desk kim 경찰청, officer retire kim; SSH keys are added with sitroom officers edit ID --key KEY.pub"),
    ]

    /// How names and times are written, after the commands in the help.
    public static let notes: [(syntax: String, meaning: String)] = [
        ("<hospital>", "an id (A1100017), or the start of the Korean name (서울대), of the romanised name (seoul national, seoul st marys) or of its initials (snuh); an exact name beats a longer one"),
        ("<agency>", "an id (knpa) or the start of its name from any word (경찰, police, national police)"),
        ("<contact>", "a contact id (knpa-1) or the start of the person's name"),
        ("condition", "a code (Y0020), a short label (stroke) or the start of the English or Korean name (뇌경색); `sitroom conditions` lists them"),
        ("time", "now, 14:30 (today; a due time more than an hour past is tomorrow's, an at= time more than an hour ahead yesterday's), -15m, +2h, -1h30m, 2026-11-23T18:00 (local), 2026-11-23T09:00:00Z"),
        ("\"text\"", "double quotes make one word of text with spaces (\\\" is a quote in it); unquoted, free text is the words that are not key=value, so quote text containing ="),
    ]
}

public enum QuickCommandHelp {
    /// The grammar and the notes as aligned text lines (syntax, two spaces, meaning), for a help
    /// screen. A syntax wider than `column` gets a line of its own, its meaning indented below.
    public static func lines(column: Int = 24) -> [String] {
        (QuickCommandParser.grammar + QuickCommandParser.notes).flatMap { row -> [String] in
            let pad = String(repeating: " ", count: column + 2)
            if row.syntax.count > column { return [row.syntax, pad + row.meaning] }
            return [row.syntax + String(repeating: " ", count: column - row.syntax.count + 2) + row.meaning]
        }
    }
}
