import ArgumentParser
import Foundation
import SitRoomDrills
import SitRoomProcess
import SitRoomCore
import SitRoomStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `sitroom-drill crash`: kill -9 loops against `sitroom apply` and the live console at once, on
/// one data directory, then every acknowledged change checked in the whole history.
struct CrashDrill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash",
        abstract: "Kill -9 sitroom apply and the live console at random moments, many times; nothing acknowledged may be lost or doubled.",
        discussion: """
            Each cycle starts `sitroom apply` (fed tagged log entries in bursts; a small random \
            --compact-every, so that compactions run and get killed) and a writing console in tmux \
            (entering tagged log entries on its `:` line, one acknowledged when the screen shows \
            `saved #N: …[tag]`), kills each with SIGKILL at its own random moment, and runs \
            `sitroom check` (a torn tail is fine, damage is not). At the end: a clean open, `sitroom check` \
            healthy, and the whole history from #1: gap-free, every acknowledged change exactly once \
            and at the sequence number it was acknowledged with, every other sent change at most once. \
            Exit status 1 if anything failed.
            """
    )

    @Option(help: "Kill cycles (each kills one apply and one console).") var cycles = 1000
    @Option(help: "Seed for kill moments, burst sizes and compaction thresholds.") var seed: UInt64 = 1
    @Option(help: "Run the console in every Nth cycle only (0: never).") var consoleEvery = 1
    @Option(help: ArgumentHelp("Where to make the scratch data directory.", valueName: "DIR")) var dir: String?
    @Option(help: ArgumentHelp("The sitroom binary (default: next to this one).", valueName: "PATH")) var sitroom: String?
    @Flag(help: "Keep the data directory afterwards.") var keep = false
    /// For the drill's own test: plant a fault the verification must catch (`lost`, `duplicated`).
    @Option(help: .hidden) var inject: String?

    func run() throws {
        let binary = sitroom ?? Self.siblingBinary()
        let scratch = (dir ?? NSTemporaryDirectory()) + "/sitroom-drill-crash-\(getpid())"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let data = scratch + "/data"
        defer { if !keep { try? FileManager.default.removeItem(atPath: scratch) } }
        let initRun = Spawn.run([binary, "init", "--data", data])
        guard initRun.status == 0 else { throw DrillError("sitroom init failed: \(initRun.stderr)") }
        let tmux = try DrillTmux()
        Self.killServerOnInterrupt(tmux.server.socket, removing: keep ? nil : scratch)

        var rng = SeededRandom(seed: seed)
        var sent: [String] = []
        var acks: [Ack] = []
        var apply = WriterCycle(), console = WriterCycle()
        var applyRecovery: [Double] = [], consoleRecovery: [Double] = []
        var failures: [String] = []
        var tornSeenByCheck = 0
        let began = Date()
        var cycle = 0
        while cycle < cycles && failures.isEmpty {
            let writer = ApplyWriter(sitroom: binary, data: data, cycle: cycle, life: Double.random(in: 0.02...2.0, using: &rng),
                                     compactEvery: Int.random(in: 20...500, using: &rng), seed: rng.next())
            let consoleLife = Double.random(in: 0.1...2.0, using: &rng)
            let box = ResultBox()
            let done = DispatchSemaphore(value: 0)
            Thread {
                box.set(writer.run())
                done.signal()
            }.start()
            var consoleCycle = WriterCycle()
            if consoleEvery > 0, cycle % consoleEvery == 0 {
                consoleCycle = ConsoleWriter(tmux: tmux, sitroom: binary, data: data, cycle: cycle, life: consoleLife).run()
            }
            done.wait()
            let applyCycle = box.get()
            for c in [applyCycle, consoleCycle] {
                sent += c.sent
                acks += c.acks
                failures += c.failures
            }
            apply.acks += applyCycle.acks
            apply.tornTailsCut += applyCycle.tornTailsCut
            console.acks += consoleCycle.acks
            applyRecovery += applyCycle.recovery.map { [$0] } ?? []
            consoleRecovery += consoleCycle.recovery.map { [$0] } ?? []
            // Both are dead: the directory must read, a torn last record at most.
            let check = Spawn.run([binary, "check", "--data", data])
            if check.status == 1 { tornSeenByCheck += 1 }
            if check.status > 1 { failures.append("cycle \(cycle): sitroom check exit \(check.status):\n\(check.stdout)\(check.stderr)") }
            cycle += 1
            if cycle % 50 == 0 || cycle == cycles {
                FileHandle.standardError.write(Data(("cycle \(cycle)/\(cycles): \(apply.acks.count) + \(console.acks.count) acknowledged, "
                    + "\(Int(Date().timeIntervalSince(began))) s\n").utf8))
            }
        }

        // A clean open after the last kill (cuts a torn tail, compacts on exit), then a healthy check.
        let reopen = Spawn.run([binary, "apply", "--data", data, "--officer", "drill-apply"])
        if reopen.status != 0 { failures.append("the clean open after the last kill failed (\(reopen.status)): \(reopen.stderr)") }
        let finalCheck = Spawn.run([binary, "check", "--data", data])
        if finalCheck.status != 0 { failures.append("sitroom check after a clean open: exit \(finalCheck.status)\n\(finalCheck.stdout)") }
        if let inject { try Self.plant(inject, data: data, sent: &sent, acks: &acks) }
        let verdict = CrashVerification.verify(data: data, sent: sent, acks: acks)
        failures += verdict.failures
        let elapsed = Date().timeIntervalSince(began)

        print(Self.report(cycles: cycle, seconds: elapsed, apply: apply, console: console, applyRecovery: applyRecovery,
                          consoleRecovery: consoleRecovery, tornSeenByCheck: tornSeenByCheck, verdict: verdict))
        let problems = failures + verdict.lost.map { "lost: " + $0 } + verdict.duplicated.map { "duplicated: " + $0 }
            + verdict.misplaced.map { "misplaced: " + $0 } + verdict.unknown.map { "never sent: [\($0)]" }
        for p in problems.prefix(50) { print("FAIL " + p) }
        if problems.count > 50 { print("FAIL … and \(problems.count - 50) more") }
        if keep { print("data directory kept: \(data)") }
        if !problems.isEmpty { throw ExitCode(1) }
    }

    static func report(cycles: Int, seconds: Double, apply: WriterCycle, console: WriterCycle, applyRecovery: [Double],
                       consoleRecovery: [Double], tornSeenByCheck: Int, verdict: CrashVerdict) -> String {
        func ms(_ values: [Double]) -> String {
            guard !values.isEmpty else { return "none measured" }
            let sorted = values.sorted()
            return String(format: "median %.1f ms, p99 %.1f ms, max %.1f ms (%d starts)", sorted[sorted.count / 2] * 1000,
                          sorted[min(sorted.count - 1, sorted.count * 99 / 100)] * 1000, sorted.last! * 1000, sorted.count)
        }
        let acked = apply.acks.count + console.acks.count
        return """
            crash drill: \(cycles) cycles in \(Int(seconds)) s, each killing sitroom apply and the live console with SIGKILL
            acknowledged: \(acked) (apply \(apply.acks.count), console \(console.acks.count))
            lost: \(verdict.lost.count)  duplicated: \(verdict.duplicated.count)  at another seq: \(verdict.misplaced.count)  never sent: \(verdict.unknown.count)
            sent, not acknowledged: \(verdict.unacknowledgedPresent) on disk (once), \(verdict.unacknowledgedAbsent) not
            history: #1-#\(verdict.lastSeq) gap-free, \(verdict.generations) generations (compactions), \(verdict.untagged) untagged changes
            torn last records: \(tornSeenByCheck) seen by sitroom check after a cycle, \(apply.tornTailsCut) cut off by apply on opening
            recovery, apply (spawn to first ok: open, recover, first group commit): \(ms(applyRecovery))
            recovery, console (spawn to a first frame showing saved #N, via tmux): \(ms(consoleRecovery))
            """
    }

    /// `lost`: an acknowledgement for a change that was never written; `duplicated`: an acknowledged
    /// entry and a second one carrying the same tag.
    static func plant(_ fault: String, data: String, sent: inout [String], acks: inout [Ack]) throws {
        switch fault {
        case "lost":
            sent.append("a0n999999")
            acks.append(Ack(tag: "a0n999999", seq: 1))
        case "duplicated":
            // Acknowledged once, as the drill's writers are, then the same tag again.
            let log = try ChangeLog.open(DataDirectory(data))
            let tag = "a0n888888"
            sent.append(tag)
            for copy in 1...2 {
                let entry = LogEntry(id: "planted-\(copy)", eventTime: Date(), text: "drill [\(tag)]")
                guard let seq = log.commit(Change(officer: "drill", at: Date(), action: .addLog(entry))).seq else {
                    throw DrillError("could not plant the duplicate")
                }
                if copy == 1 { acks.append(Ack(tag: tag, seq: seq)) }
            }
            log.close()
        default:
            throw ValidationError("--inject takes lost or duplicated")
        }
    }

    /// `sitroom` in the same directory as this executable (as `swift build` lays them out).
    static func siblingBinary() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (me as NSString).deletingLastPathComponent + "/sitroom"
    }

    /// Ctrl-C or SIGTERM: take the tmux server (and the consoles in it) down too, and the scratch directory.
    static func killServerOnInterrupt(_ socket: String, removing scratch: String?) {
        InterruptSources.shared.install { sig in
            TmuxClient(socket: socket).killServer()
            if let scratch { try? FileManager.default.removeItem(atPath: scratch) }
            _exit(128 + sig)
        }
    }
}

/// The apply thread's result, handed to the main thread.
final class ResultBox: Sendable {
    private let value = Mutex(WriterCycle())
    func set(_ v: WriterCycle) { value.withLock { $0 = v } }
    func get() -> WriterCycle { value.withLock { $0 } }
}

/// Keeps the signal sources alive for the whole run. They are made under the lock: a source is not
/// Sendable, so one made outside could not be handed in.
final class InterruptSources: Sendable {
    static let shared = InterruptSources()
    private let sources = Mutex<[any DispatchSourceSignal]>([])

    /// Ignores SIGINT, SIGTERM and SIGHUP, and runs `handler` with the signal on a dispatch queue instead.
    func install(_ handler: @escaping @Sendable (Int32) -> Void) {
        sources.withLock { sources in
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { handler(sig) }
                source.resume()
                sources.append(source)
            }
        }
    }
}
