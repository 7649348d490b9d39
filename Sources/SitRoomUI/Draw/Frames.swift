import Foundation

/// The console's frames, one per turn of the run loop: the whole screen drawn again after anything
/// but the clock moved, otherwise only the clock of the last frame (a second's tick costs nothing).
public struct Frames {
    private var last: ScreenBuffer?
    private var renderedAt = Date.distantPast
    /// Something besides the clock changed since the last frame (`Effect.render`, a resize).
    public var stale = true

    public init() {}

    /// The frame for `model` at its size.
    public mutating func next(_ model: AppModel) -> ScreenBuffer {
        if !stale, var frame = last, frame.width == model.width, frame.height == model.height,
           Dashboard.tickNeedsOnlyTheClock(model, renderedAt: renderedAt) {
            Dashboard.refreshClock(&frame, model)
            last = frame
            return frame
        }
        let frame = Dashboard.render(model, width: model.width, height: model.height)
        last = frame
        renderedAt = model.now
        stale = false
        return frame
    }
}
