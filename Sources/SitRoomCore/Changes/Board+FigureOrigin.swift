import Foundation

extension Board {
    /// Keeps, for the hospital a change's figures belong to, where the change came from, so that the
    /// hospital's detail can name the OS user and key beside the officer. A hospital's few thousand
    /// entries at most: a log entry or a call keeps its own stamp instead.
    mutating func noteFigureOrigin(of change: Change) {
        guard let origin = change.origin else { return }
        switch change.action {
        case .reportHospital(let id, _), .editHospital(let id, _), .revertHospital(let id, _, _),
             .reportCapability(let id, _), .revertCapability(let id, _, _), .reportFeed(let id, _), .revertFeed(let id, _):
            figureOrigins[id] = FigureOrigin(stamp: change.stamp, origin: origin)
        case .removeHospital(let id):
            figureOrigins[id] = nil
        default:
            break
        }
    }
}
