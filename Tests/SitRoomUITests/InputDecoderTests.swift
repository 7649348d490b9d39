import Testing
@testable import SitRoomUI

@Suite struct InputDecoderTests {
    func decode(_ bytes: [UInt8], _ decoder: inout InputDecoder) -> [Key] {
        decoder.decode(bytes.map { .byte($0) })
    }

    func decode(_ bytes: [UInt8]) -> [Key] {
        var decoder = InputDecoder()
        return decode(bytes, &decoder)
    }

    func text(_ s: String) -> [Key] { s.map { .char($0) } }

    @Test func utf8TextIsDecoded() {
        #expect(decode(Array("a서울é".utf8)) == text("a서울é"))
        #expect(decode([0x01, 0x09, 0x0D, 0x7F, 0x1B]) == [.ctrl("a"), .tab, .enter, .backspace, .escape])
    }

    /// Before, ncurses' get_wch swallowed the keys after an invalid byte ("x", 0xFE, "y" gave "x").
    @Test func invalidBytesBecomeOneReplacementEachAndTheKeysAfterThemSurvive() {
        let r = InputDecoder.replacement
        #expect(decode([0x78, 0xFE, 0x79]) == [.char("x"), r, .char("y")])
        #expect(decode([0x78, 0xFF, 0x79]) == [.char("x"), r, .char("y")])
        #expect(decode([0xC3, 0x28]) == [r, .char("(")])          // a lead byte without its continuation
        #expect(decode([0xC0, 0xAF]) == [r, r])                    // overlong "/"
        #expect(decode([0xED, 0xA0, 0x80]) == [r, r, r])           // a surrogate
        #expect(decode([0xF4, 0x90, 0x80, 0x80]) == [r, r, r, r])  // past U+10FFFF
        #expect(decode([0x80, 0x61]) == [r, .char("a")])           // a stray continuation byte
        #expect(decode([0xE2, 0x82, 0xAC]) == [.char("€")])
    }

    @Test func aCharacterSplitBetweenTwoBatchesIsKept() {
        var decoder = InputDecoder()
        let bytes = Array("서".utf8)
        #expect(decode([0x61, bytes[0]], &decoder) == [.char("a")])
        #expect(decode(Array(bytes[1...]), &decoder) == [.char("서")])
        // A function key in the middle of a character ends it.
        #expect(decoder.decode([.byte(bytes[0]), .key(.up)]) == [InputDecoder.replacement, .up])
    }

    @Test func escapeSequencesTheTerminalDescriptionLacksAreOneKey() {
        #expect(decode(Array("\u{1B}[1~x".utf8)) == [.home, .char("x")])
        #expect(decode(Array("\u{1B}[4~".utf8)) == [.end])
        #expect(decode(Array("\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}[2~".utf8)) == [.delete, .pageUp, .pageDown, .insert])
        #expect(decode(Array("\u{1B}OP\u{1B}[15~\u{1B}[24~".utf8)) == [.function(1), .function(5), .function(12)])
        #expect(decode(Array("\u{1B}[A\u{1B}OD\u{1B}[Z".utf8)) == [.up, .left, .backTab])
        // With modifiers, or unheard of: one key that does nothing, never text.
        for sequence in ["\u{1B}[1;2A", "\u{1B}[1;5D", "\u{1B}[3;5~", "\u{1B}[99~", "\u{1B}[1;2R", "\u{1B}Ox", "\u{1B}O5P", "\u{1B}O5x"] {
            #expect(decode(Array(sequence.utf8)) == [.unknown(-1)], "\(sequence.dropFirst())")
        }
    }

    @Test func escapeOnItsOwnOrBeforeTextStaysEscape() {
        #expect(decode([0x1B]) == [.escape])
        #expect(decode(Array("\u{1B}a".utf8)) == [.escape, .char("a")])
        #expect(decode(Array("\u{1B}[1x".utf8)) == [.unknown(-1)])
    }

    /// A sequence split between two reads (a slow link): the start is held, not typed as text.
    @Test func aSequenceCutOffIsHeldForTheRest() {
        var decoder = InputDecoder()
        #expect(decode(Array("ab\u{1B}[1".utf8), &decoder) == [.char("a"), .char("b")])
        #expect(decoder.isHolding)
        #expect(decode(Array(";5C".utf8), &decoder) == [.unknown(-1)])
        #expect(!decoder.isHolding)
        #expect(decode(Array("\u{1B}[".utf8), &decoder) == [])
        #expect(decode(Array("4~".utf8), &decoder) == [.end])
        // Nothing more came: given up as typed.
        #expect(decode(Array("\u{1B}[12".utf8), &decoder) == [])
        #expect(decoder.release() == [.escape, .char("["), .char("1"), .char("2")])
        #expect(!decoder.isHolding)
        // A lone Esc is never held: ncurses has already waited for what follows it.
        #expect(decode([0x1B], &decoder) == [.escape])
    }
}

@Suite struct BracketedPasteTests {
    static let begin = Array("\u{1B}[200~".utf8), end = Array("\u{1B}[201~".utf8)

    @Test func textBetweenThePasteMarkersIsOnePasteNotKeys() {
        var decoder = InputDecoder()
        let keys = decoder.decode((Self.begin + Array("q\ndy\t서울\u{1B}[A".utf8) + Self.end + Array("j".utf8)).map { .byte($0) })
        #expect(keys == [.paste("q\ndy\t서울"), .char("j")], "an arrow inside a paste is dropped, the key after it is a key")
    }

    @Test func aPasteSplitAcrossReadsArrivesInPiecesAndStaysAPaste() {
        var decoder = InputDecoder()
        #expect(decoder.decode((Self.begin + Array("first ".utf8)).map { .byte($0) }) == [.paste("first ")])
        #expect(decoder.decode(Array("q second".utf8).map { .byte($0) }) == [.paste("q second")])
        #expect(decoder.decode((Self.end + Array("q".utf8)).map { .byte($0) }) == [.char("q")])
    }

    @Test func aStartMarkerWithoutItsEndGivesUpWhenTold() {
        var decoder = InputDecoder()
        #expect(decoder.decode((Self.begin + Array("x".utf8)).map { .byte($0) }) == [.paste("x")])
        #expect(decoder.isPasting)
        decoder.endPaste()
        #expect(decoder.decode(Array("q".utf8).map { .byte($0) }) == [.char("q")])
        #expect(decoder.decode((Self.begin + Self.end).map { .byte($0) }) == [], "an empty paste is nothing")
    }
}
