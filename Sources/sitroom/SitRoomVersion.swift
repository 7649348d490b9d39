/// What `sitroom --version` prints (and the installed man page's header).
enum SitRoomVersion {
    static let string = "0.1.0"
}
