import Foundation

/// A SITREP as blocks of already formatted text: what `SitRepText` and `SitRepMarkdown` lay out.
/// Both formats show exactly the same words; only the layout differs.
extension SitRep {
    public struct Field: Sendable, Equatable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public struct Table: Sendable, Equatable {
        public enum Align: Sendable, Equatable { case left, right }
        public var columns: [String]
        public var align: [Align]
        public var rows: [[String]]
        /// The last column is free text (an event, an action, a reason): plain text wraps it, under
        /// the column when there is room, else on the lines below the row.
        public var wrapsLast: Bool

        public init(_ columns: [String], align: [Align]? = nil, rows: [[String]], wrapsLast: Bool = false) {
            self.columns = columns
            self.align = align ?? Array(repeating: .left, count: columns.count)
            self.rows = rows
            self.wrapsLast = wrapsLast
        }
    }

    /// A titled group of labelled lines (one strike action).
    public struct Record: Sendable, Equatable {
        public var title: String
        public var fields: [Field]

        public init(title: String, fields: [Field]) {
            self.title = title
            self.fields = fields
        }
    }

    public enum Block: Sendable, Equatable {
        case paragraph(String)
        /// A heading inside a section.
        case heading(String)
        case fields([Field])
        case table(Table)
        case records([Record])
    }

    public struct Section: Sendable, Equatable {
        public var number: Int
        public var title: String
        public var blocks: [Block]

        public init(number: Int, title: String, blocks: [Block]) {
            self.number = number
            self.title = title
            self.blocks = blocks
        }
    }
}
