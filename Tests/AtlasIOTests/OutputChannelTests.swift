import AtlasOutput
import Foundation
import Testing

/// Every way a write can meet what is already at the target: nothing the user has is removed or replaced, except a
/// regular file, and that only by a complete new one.
@Suite struct OutputChannelTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func contents(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// What is in the folder, temporary files included.
    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

    @Test func aNewFileAppearsOnlyWhenFinished() throws {
        let channel = try OutputChannel(path: path("out.txt"))
        try channel.write("hello\n")
        #expect(!FileManager.default.fileExists(atPath: path("out.txt")))
        try channel.finish()
        #expect(try contents("out.txt") == "hello\n")
        #expect(try listing() == ["out.txt"])
    }

    @Test func anExistingFileIsReplacedWholeAndKeepsItsPermissions() throws {
        try "old".write(toFile: path("out.txt"), atomically: false, encoding: .utf8)
        chmod(path("out.txt"), 0o640)
        let channel = try OutputChannel(path: path("out.txt"))
        try channel.write("new")
        #expect(try contents("out.txt") == "old")
        try channel.finish()
        #expect(try contents("out.txt") == "new")
        let mode = try FileManager.default.attributesOfItem(atPath: path("out.txt"))[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func anAbandonedOutputLeavesTheOldFileAndNoTemporary() throws {
        try "old".write(toFile: path("out.txt"), atomically: false, encoding: .utf8)
        do {
            let channel = try OutputChannel(path: path("out.txt"))
            try channel.write("half")
            // Dropped without finish(), as when a command fails halfway.
        }
        #expect(try contents("out.txt") == "old")
        #expect(try listing() == ["out.txt"])
    }

    @Test func aFolderIsNeverReplaced() throws {
        try FileManager.default.createDirectory(atPath: path("victim"), withIntermediateDirectories: false)
        try "keep".write(toFile: path("victim/keep.txt"), atomically: false, encoding: .utf8)
        #expect {
            try OutputChannel(path: path("victim"))
        } throws: { ($0 as? OutputError)?.message.contains("is a folder") == true }
        #expect(try contents("victim/keep.txt") == "keep")
        #expect(try listing() == ["victim"])
    }

    @Test func theCurrentFolderIsNeverReplaced() throws {
        #expect(throws: OutputError.self) { try OutputChannel(path: ".") }
        #expect(throws: OutputError.self) { try OutputChannel(path: self.folder.path) }
        #expect(FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func aFolderThatAppearsBeforeTheRenameIsNotReplaced() throws {
        let channel = try OutputChannel(path: path("late"))
        try channel.write("text")
        try FileManager.default.createDirectory(atPath: path("late"), withIntermediateDirectories: false)
        #expect(throws: OutputError.self) { try channel.finish() }
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path("late"), isDirectory: &isFolder) && isFolder.boolValue)
        #expect(try listing() == ["late"])
    }

    @Test func aCharacterDeviceIsWrittenDirectlyAndKept() throws {
        let channel = try OutputChannel(path: "/dev/null")
        try channel.write("discarded")
        try channel.finish()
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aFullDeviceIsAnErrorAndTheDeviceStays() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let channel = try OutputChannel(path: "/dev/full")
        #expect {
            try channel.write(String(repeating: "x", count: 100_000))
        } throws: { error in
            guard let e = error as? OutputError else { return false }
            return e.kind == .cannotWrite && e.message.contains("No space left")
        }
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aFIFOIsWrittenIntoNotReplaced() throws {
        let fifo = path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Thread {
            let handle = FileHandle(forReadingAtPath: fifo)
            _ = handle?.readDataToEndOfFile()
        }
        reader.start()
        let channel = try OutputChannel(path: fifo)
        try channel.write("through the pipe")
        try channel.finish()
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aLinkIsFollowedAndKept() throws {
        try "old".write(toFile: path("real.txt"), atomically: false, encoding: .utf8)
        #expect(symlink(path("real.txt"), path("link.txt")) == 0)
        try OutputChannel.writeWhole("new", to: path("link.txt"))
        #expect(try contents("real.txt") == "new")
        var info = stat()
        #expect(lstat(path("link.txt"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    }

    @Test func aLinkToNothingIsRefused() throws {
        #expect(symlink(path("missing.txt"), path("dangling")) == 0)
        #expect(throws: OutputError.self) { try OutputChannel(path: path("dangling")) }
        #expect(!FileManager.default.fileExists(atPath: path("missing.txt")))
    }

    @Test func aMissingFolderIsNamed() throws {
        #expect {
            try OutputChannel(path: path("no/such/out.txt"))
        } throws: { ($0 as? OutputError)?.message.contains("does not exist") == true }
    }

    @Test func aSocketIsRefused() throws {
        let socketPath = path("sock")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in socketPath.utf8.enumerated() where i < raw.count - 1 { raw[i] = b }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { return }  // a path too long for a socket on this machine
        #expect(throws: OutputError.self) { try OutputChannel(path: socketPath) }
        var info = stat()
        #expect(lstat(socketPath, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK)
    }
}

extension OutputChannel {
    static func writeWhole(_ text: String, to path: String) throws {
        let channel = try OutputChannel(path: path)
        try channel.write(text)
        try channel.finish()
    }
}
