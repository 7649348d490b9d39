import ArgumentParser

@main
struct SitRoom: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitroom",
        abstract: "A full-screen terminal situation room for an emergency response headquarters.",
        discussion: """
            Data lives in one directory (--data, default $XDG_DATA_HOME/sitroom): a snapshot and a \
            journal of changes. Every change is on disk (fsync'd) before it is reported saved.
            """,
        version: SitRoomVersion.string,
        subcommands: [
            RunCommand.self, InitCommand.self, ApplyCommand.self, ImportCommand.self, RevertCommand.self,
            ExportCommand.self, ReportCommand.self, CheckCommand.self, MigrateCommand.self,
            ConditionsCommand.self, WhereCommand.self, BaselineCommand.self, OfficersCommand.self, AuditCommand.self, AlertsCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}
