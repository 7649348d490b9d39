import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway HTTP server on loopback that serves recorded E-Gen responses: Python's standard
/// http.server (Debian's python3), started on a free port and killed when the value goes.
///
/// `GET /NAME?…&pageNo=N` answers the file `NAME-pageN.xml` of `root`, else `NAME.xml`, else 404;
/// `/statusNNN` answers that HTTP status; `/slow` never answers (for the client's timeout). Every
/// request line is appended to `root/requests.log`.
final class FeedServer {
    let root: String
    let port: Int
    private let process: ChildProcess

    init(root: String) throws {
        self.root = root
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let errors = root + "/server.err"
        let fd = open(errors, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        defer { close(fd) }
        process = try ChildProcess(["/usr/bin/python3", "-c", Self.script, root], stderr: .fd(fd))
        // The port and its newline may come in two writes.
        var lines: [String] = []
        let deadline = Date().addingTimeInterval(10)
        while lines.isEmpty && Date() < deadline && process.pollExit() == nil { lines = process.readLines(timeout: 1) }
        guard let first = lines.first, let port = Int(first.trimmingCharacters(in: .whitespaces)) else {
            let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw TmuxError(description: "the feed server did not start: \(lines) \(said)")
        }
        self.port = port
    }

    func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }

    var requests: [String] {
        ((try? String(contentsOfFile: root + "/requests.log", encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    static let script = #"""
    import http.server, os, sys, time, urllib.parse
    root = sys.argv[1]
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            url = urllib.parse.urlparse(self.path)
            name = url.path.strip("/")
            page = urllib.parse.parse_qs(url.query).get("pageNo", ["1"])[0]
            with open(os.path.join(root, "requests.log"), "a") as log:
                log.write(self.path + "\n")
            if name == "slow":
                time.sleep(120)
                return
            if name.startswith("status"):
                self.send_response(int(name[6:]))
                self.end_headers()
                return
            for candidate in (f"{name}-page{page}.xml", f"{name}.xml"):
                path = os.path.join(root, candidate)
                if os.path.exists(path):
                    body = open(path, "rb").read()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/xml;charset=UTF-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
            self.send_response(404)
            self.end_headers()
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """#
}
