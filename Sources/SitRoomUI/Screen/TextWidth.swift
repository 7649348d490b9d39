import SitRoomCore

/// Display width of text in terminal cells, as the screen measures it: `DisplayWidth` (in
/// SitRoomCore, shared with the SITREP), under the name the drawing code uses.
public typealias TextWidth = DisplayWidth
