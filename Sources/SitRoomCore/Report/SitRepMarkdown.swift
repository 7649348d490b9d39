import Foundation

/// A SITREP as Markdown (CommonMark with GitHub tables), for mail, chat or a document.
public enum SitRepMarkdown {
    public static func render(_ report: SitRep) -> String {
        var out: [String] = ["# " + escape(report.title), ""]
        if let notice = report.notice { out += ["> **" + escape(notice) + "**", ""] }
        out += report.header.map { "- **\(escape($0.label)):** \(escape($0.value))" }
        for section in report.sections {
            out += ["", "## \(section.number). \(escape(section.title))"]
            for block in section.blocks {
                out.append("")
                switch block {
                case .paragraph(let text):
                    out.append(escape(text))
                case .heading(let text):
                    out.append("### " + escape(text))
                case .fields(let list):
                    out += list.map { "- **\(escape($0.label)):** \(escape($0.value))" }
                case .table(let t):
                    out += table(t)
                case .records(let records):
                    for (i, r) in records.enumerated() {
                        if i > 0 { out.append("") }
                        out.append("**" + escape(r.title) + "**")
                        out.append("")
                        out += r.fields.map { "- \(escape($0.label)): \(escape($0.value))" }
                    }
                }
            }
        }
        out += ["", "---", "", escape(report.footer)]
        return out.joined(separator: "\n") + "\n"
    }

    static func table(_ t: SitRep.Table) -> [String] {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { $0.isEmpty ? " " : escape($0) }.joined(separator: " | ") + " |"
        }
        var out = [row(t.columns)]
        out.append("|" + t.align.map { $0 == .right ? "--:|" : "---|" }.joined())
        for r in t.rows { out.append(row(r + Array(repeating: "", count: max(0, t.columns.count - r.count)))) }
        return out
    }

    /// Text from the board is never read as Markdown.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "|", "*", "`", "[", "]", "<", ">": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }
}
