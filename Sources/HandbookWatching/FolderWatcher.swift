public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders for changes and reports them in batches: what `handbook serve` rebuilds from.
///
/// On Linux it asks the kernel (inotify) and sleeps until something happens, so an idle watcher
/// costs no CPU. Events are gathered until the folders have been quiet for `quietPeriod`, so that
/// an editor's save (a temporary file written, then renamed over the original), a `git checkout`
/// of a hundred files or a renamed folder each give one batch. Folders created later are watched
/// too; a watched folder that disappears is watched again when it comes back.
public final class FolderWatcher: Sendable {
    /// A folder to watch, and the prefix its paths get in a batch (`""`, or `theme/`).
    public struct Root: Sendable {
        public let directory: URL
        public let prefix: String

        public init(directory: URL, prefix: String = "") {
            self.directory = directory
            self.prefix = prefix
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case unavailable(String)

        public var description: String {
            switch self {
            case .unavailable(let reason): "cannot watch for changes: \(reason)"
            }
        }
    }

    /// Batches of changed paths: a root's prefix plus the path inside it. A folder created or
    /// moved in is reported with the files found in it; a folder deleted or moved away, as its own
    /// path with a `/` at the end; a root that disappeared or came back, as its prefix alone
    /// (`""` or `theme/`), meaning everything. So a path names a folder exactly when it is empty
    /// or ends with `/`; a file needs no extension (`sed -i` saves through `sedXXXXXX`).
    public let changes: AsyncStream<Set<String>>

    #if canImport(Glibc)
        private let loop: InotifyLoop

        public init(roots: [Root], quietPeriod: Duration = .milliseconds(40)) throws {
            let (stream, continuation) = AsyncStream<Set<String>>.makeStream(bufferingPolicy: .unbounded)
            changes = stream
            loop = try InotifyLoop(roots: roots, quietPeriod: quietPeriod, continuation: continuation)
            let loop = self.loop
            let thread = Thread { loop.run() }
            thread.name = "handbook folder watcher"
            thread.start()
        }

        /// Stops watching and ends ``changes``.
        public func stop() {
            loop.stop()
        }
    #else
        public init(roots: [Root], quietPeriod: Duration = .milliseconds(40)) throws {
            throw Failure.unavailable("watching folders is implemented with Linux's inotify only")
        }

        public func stop() {}
    #endif
}

#if canImport(Glibc)
    /// The inotify descriptor, its watches, and the loop that reads it on its own thread.
    private final class InotifyLoop: @unchecked Sendable {
        private let descriptor: Int32
        /// Written to wake the loop up when stopping.
        private let wakeUp: (read: Int32, write: Int32)
        private let roots: [FolderWatcher.Root]
        private let quietMilliseconds: Int32
        private let continuation: AsyncStream<Set<String>>.Continuation
        // Touched only by the loop's thread after `init`.
        /// Each watched folder: its root and its path inside the root (`""` for the root).
        private var folders: [Int32: (root: Int, path: String)] = [:]
        /// The roots in each watched parent folder, watched for a root's disappearing and coming
        /// back.
        private var parents: [Int32: [Int]] = [:]
        private var pending: Set<String> = []

        private static let folderEvents = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                | IN_DELETE_SELF | IN_MOVE_SELF)
        private static let parentEvents = UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_ONLYDIR)

        init(
            roots: [FolderWatcher.Root], quietPeriod: Duration,
            continuation: AsyncStream<Set<String>>.Continuation
        ) throws {
            descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { throw FolderWatcher.Failure.unavailable(String(cString: strerror(errno))) }
            var pipeEnds: [Int32] = [0, 0]
            guard pipe(&pipeEnds) == 0 else {
                close(descriptor)
                throw FolderWatcher.Failure.unavailable(String(cString: strerror(errno)))
            }
            wakeUp = (pipeEnds[0], pipeEnds[1])
            self.roots = roots
            let (seconds, attoseconds) = quietPeriod.components
            quietMilliseconds = Int32(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
            self.continuation = continuation
            for (index, root) in roots.enumerated() {
                let parent = inotify_add_watch(
                    descriptor, root.directory.deletingLastPathComponent().path, Self.parentEvents)
                if parent >= 0 { parents[parent, default: []].append(index) }
                watchTree(root: index, path: "", reporting: false)
            }
        }

        func stop() {
            var byte: UInt8 = 1
            _ = write(wakeUp.write, &byte, 1)
        }

        func run() {
            defer {
                close(descriptor)
                close(wakeUp.read)
                close(wakeUp.write)
                continuation.finish()
            }
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                var polled = [
                    pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: wakeUp.read, events: Int16(POLLIN), revents: 0),
                ]
                let ready = poll(&polled, 2, pending.isEmpty ? -1 : quietMilliseconds)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return
                }
                if polled[1].revents != 0 { return }
                if ready == 0 {
                    // Quiet for the whole period: the burst is over.
                    continuation.yield(pending)
                    pending = []
                    continue
                }
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 {
                    if count < 0, errno == EINTR { continue }
                    return
                }
                handle(buffer[0..<count])
            }
        }

        /// Reads the `inotify_event` records in `bytes`.
        private func handle(_ bytes: ArraySlice<UInt8>) {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= raw.count {
                    let watch = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = raw[(offset + header)..<min(raw.count, offset + header + length)]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset += header + length
                    handle(watch: watch, mask: mask, name: name)
                }
            }
        }

        private func handle(watch: Int32, mask: UInt32, name: String) {
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: report everything.
                for index in roots.indices { rewatch(root: index) }
                return
            }
            if let inParent = parents[watch] {
                // A root itself was created, moved in, deleted or moved away.
                for root in inParent where name == roots[root].directory.lastPathComponent { rewatch(root: root) }
                return
            }
            guard let folder = folders[watch] else { return }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                return
            }
            if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { return }
            let path = folder.path.isEmpty ? name : folder.path + "/" + name
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    watchTree(root: folder.root, path: path, reporting: true)
                } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
                    forget(root: folder.root, below: path)
                }
                return
            }
            pending.insert(roots[folder.root].prefix + path)
        }

        /// Watches the folder at `path` in `root` and every folder below it; when `reporting`,
        /// notes their files as changed (they may have been written before the watch was in place).
        private func watchTree(root: Int, path: String, reporting: Bool) {
            let directory = path.isEmpty ? roots[root].directory : roots[root].directory.appendingPathComponent(path)
            let watch = inotify_add_watch(descriptor, directory.path, Self.folderEvents | UInt32(IN_ONLYDIR))
            guard watch >= 0 else { return }
            folders[watch] = (root, path)
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
            for entry in entries {
                let child = path.isEmpty ? entry : path + "/" + entry
                var isDirectory: ObjCBool = false
                guard
                    FileManager.default.fileExists(
                        atPath: directory.appendingPathComponent(entry).path, isDirectory: &isDirectory)
                else { continue }
                if isDirectory.boolValue {
                    watchTree(root: root, path: child, reporting: reporting)
                } else if reporting {
                    pending.insert(roots[root].prefix + child)
                }
            }
        }

        /// Drops the watches below `path` in `root` (the kernel drops them once the folder is
        /// gone) and notes the files known there as changed.
        private func forget(root: Int, below path: String) {
            for (watch, folder) in folders
            where folder.root == root
                && (folder.path == path || folder.path.hasPrefix(path + "/"))
            {
                inotify_rm_watch(descriptor, watch)
                folders[watch] = nil
            }
            pending.insert(roots[root].prefix + path + "/")
        }

        /// Watches a root afresh, reporting its whole tree and the root itself as changed.
        private func rewatch(root: Int) {
            for (watch, folder) in folders where folder.root == root {
                inotify_rm_watch(descriptor, watch)
                folders[watch] = nil
            }
            pending.insert(roots[root].prefix)
            if FileManager.default.fileExists(atPath: roots[root].directory.path) {
                watchTree(root: root, path: "", reporting: true)
            }
        }
    }
#endif
