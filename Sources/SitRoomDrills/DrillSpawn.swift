import SitRoomProcess

/// The old name of SitRoomProcess's `Spawn`, kept only for CompactionKill.swift (owned by the
/// file-system work) until its one call says `Spawn.run`.
typealias DrillSpawn = Spawn
