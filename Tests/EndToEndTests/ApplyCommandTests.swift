import Foundation
import Testing
@testable import SitRoomCore

/// `sitroom apply --command`: quick command lines on stdin, run through the real binary.
@Suite struct ApplyCommandTests: DemoSuite {
    let demo: DemoData

    init() throws { demo = try DemoData("apply") }

    func export() throws -> BoardDocument {
        let r = TmuxSession.run([TmuxSession.sitroomBinary, "export", "--data", data, "--format", "json"], stdin: nil)
        guard r.status == 0 else { throw TmuxError(description: "export failed: \(r.stderr)") }
        return try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(r.stdout.utf8))
    }

    @Test func quickCommandLinesAreCommittedInOrderAndBadOnesNamed() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Action statuses in the demo do not depend on its clock.
        let open = try #require(DemoSituation.board(now: Date()).actions.values.filter { $0.status == .open }.map(\.id).min())
        let input = """
            er snuh limited beds=3/20 icu=0/12 docs=4/6 "2 ER specialists out"
            er snuh limted
            goto snuh

            log sev=warning cat=security h=A1100008 "안암병원 응급실 앞 집회 — 경찰 배치 요청"
            er 서울 open
            strike 서울대 absent=700/741 returned=20
            er snuh beds=30/20
            act 경찰 "Post officers at the Anam ER" due=+2h
            call knpa-1 reached confirmed 18:00
            done \(open)
            done \(open)
            frobnicate
            """
        let r = TmuxSession.run([TmuxSession.sitroomBinary, "apply", "--data", data, "--officer", "kim", "--command"],
                                stdin: input + "\n")
        #expect(r.status == 1)
        // Line 1 leaves SNUH's adult ICU at 0/12: its icu-low alert is raised in the same commit,
        // as change base+2.
        #expect(r.stdout == """
            ok \(base + 1)
            error 2: "limted" is not an ER state (open, limited, diverting, closed)
            error 3: "goto" is for the console
            ok \(base + 3)
            error 6: "서울" matches 7 hospitals: A1100017 서울대학교병원, A1100012 서울성모병원, A1100009 서울아산병원, \
            A1100029 서울적십자병원, A1100022 서울특별시동부병원, A1100040 서울특별시보라매병원, A1100035 서울특별시서울의료원
            ok \(base + 4)
            error 8: ER beds available 30 exceeds staffed 20
            ok \(base + 5)
            ok \(base + 6)
            ok \(base + 7)
            error 12: action item \(open) is already done
            error 13: unknown command "frobnicate"; commands: er strike log act call done goto filter theme help undo redo cap restrict where sec level officers officer

            """, "stderr: \(r.stderr)")

        let doc = try export()
        #expect(doc.seq == base + 7)
        let icu = try #require(doc.alerts.first { $0.id == "icu-low/A1100017" })
        #expect(icu.raised.by == "kim" && icu.text == "서울대학교병원 adult ICU 0/12")
        let snuh = try #require(doc.hospitals.first { $0.id == "A1100017" })
        #expect(snuh.erStatus?.value == ERStatus(state: .limited, reason: "2 ER specialists out"))
        #expect(snuh.erStatus?.by == "kim")
        #expect(snuh.erBeds?.value == Capacity(available: 3, staffed: 20))
        #expect(snuh.icuBeds?.value == Capacity(available: 0, staffed: 12))
        #expect(snuh.erDoctors?.value == Staffing(onDuty: 4, minimum: 6))
        #expect(snuh.traineesAbsent?.value == 700)
        #expect(snuh.traineesOnRoll?.value == 741)
        #expect(snuh.traineesReturned?.value == 20)

        let entry = try #require(doc.log.last)
        #expect(entry.text == "안암병원 응급실 앞 집회 — 경찰 배치 요청")
        #expect(entry.severity == .warning && entry.category == "security" && entry.hospitalId == "A1100008")
        #expect(entry.id.hasPrefix("log-") && entry.entered.by == "kim")

        let item = try #require(doc.actions.first { $0.text == "Post officers at the Anam ER" })
        #expect(item.ownerAgencyId == "knpa" && item.status == .open && item.id.hasPrefix("act-"))
        let due = try #require(item.due)
        #expect(abs(due.timeIntervalSince(entry.entered.at) - 7200) < 60)

        let call = try #require(doc.calls.last)
        #expect(call.agencyId == "knpa" && call.contactId == "knpa-1" && call.outcome == .reached)
        #expect(call.note == "confirmed 18:00" && call.by == "kim")
        #expect(doc.contacts.first { $0.id == "knpa-1" }?.lastReached == call.at)

        #expect(doc.actions.first { $0.id == open }?.status == .done)
    }

    /// The model's limits hold at this door as at the console's: a 20,000,000-character log entry
    /// (20 MB on one line, which `apply` once took into a snapshot every console then loaded) and a
    /// bed figure no hospital has are refused with the model's words, the ones a console's form
    /// shows on the field (`FormTests`), and nothing of them is written.
    @Test func textAndFiguresOverTheModelsLimitsAreRefusedAsInTheConsole() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let huge = String(repeating: "x", count: 20_000_000)
        let input = #"{"type":"log.add","record":{"text":"\#(huge)"}}"# + "\n"
            + #"{"type":"hospital.report","id":"A1100017","report":{"erBeds":{"available":1,"staffed":2000000}}}"# + "\n"
            + #"{"type":"log.add","record":{"text":"this one fits"}}"# + "\n"
        let r = TmuxSession.run([TmuxSession.sitroomBinary, "apply", "--data", data, "--officer", "kim"], stdin: input)
        #expect(r.status == 1)
        #expect(r.stdout == """
            error 1: log text: \(Limits.textTooLong) (got 20000000)
            error 2: ER beds staffed: \(Limits.figureTooLarge) (got 2000000)
            ok \(base + 1)

            """, "stderr: \(r.stderr)")
        #expect(r.stdout.hasPrefix("error 1: log text: at most 2000 characters (got 20000000)\n"))

        let quick = TmuxSession.run([TmuxSession.sitroomBinary, "apply", "--data", data, "--officer", "kim", "--command"],
                                    stdin: "er snuh beds=1/2000000\n")
        #expect(quick.stdout == "error 1: ER beds staffed: at most 1000000 (got 2000000)\n", "stderr: \(quick.stderr)")

        let doc = try export()
        #expect(doc.log.last?.text == "this one fits")
        #expect(doc.log.allSatisfy { $0.text.count <= Limits.textCharacters })
    }
}
