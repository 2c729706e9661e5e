package io.platform.redis.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** File-tree helpers: copy, delete, read a tree, and replace a directory in one rename. */
public final class Directories {
    private Directories() {
    }

    /**
     * Puts {@code staged} where {@code target} is. The old target is moved aside first and restored if the
     * move-in fails, so a reader never sees a half-written tree. Both must be on one file system.
     */
    public static void replace(Path staged, Path target) {
        Path aside = target.resolveSibling("." + target.getFileName() + ".old");
        try {
            deleteIfExists(aside);
            Files.createDirectories(target.getParent());
            boolean hadTarget = Files.exists(target);
            if (hadTarget) {
                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (hadTarget) {
                    Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            deleteIfExists(aside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target, e);
        }
    }

    /**
     * Writes each of {@code files} (path relative to {@code root}) whose content differs: into a temporary file first,
     * then moved over the old one, so a file is never left half-written. An unchanged file is not touched, so build
     * tools do not see it as new.
     */
    public static void writeFiles(Map<String, String> files, Path root) {
        try {
            for (var file : files.entrySet()) {
                Path target = root.resolve(file.getKey());
                byte[] content = file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), content)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path staged = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".staging");
                try {
                    Files.write(staged, content);
                    Files.move(staged, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(staged);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code files} (relative path to text) as the whole content of {@code target}, staged then swapped in. */
    public static void writeTree(Map<String, String> files, Path target) {
        Path parent = target.toAbsolutePath().getParent();
        Path staged;
        try {
            Files.createDirectories(parent);
            staged = Files.createTempDirectory(parent, "." + target.getFileName() + "-staging-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (var file : files.entrySet()) {
                Path path = staged.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), java.nio.charset.StandardCharsets.UTF_8);
            }
            replace(staged, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteIfExists(staged);
        }
    }

    /** Copies a tree, keeping modification times (build tools compare them). */
    public static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    public static void deleteIfExists(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** Every regular file under {@code root}, by relative path with '/' separators, with its bytes. */
    public static Map<String, byte[]> snapshot(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
