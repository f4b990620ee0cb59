package dev.tenax.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Collects files in memory and writes them into a directory only when all are ready: first
 * into a temporary sibling directory, then moved into place, so a failure never leaves a
 * half-written result.
 */
public final class OutputDirectory {
  private final Path target;
  private final Map<String, byte[]> files = new LinkedHashMap<>();

  public OutputDirectory(Path target) {
    this.target = target.toAbsolutePath().normalize();
  }

  /** Adds a file; {@code fileName} may contain '/' to place it in a subdirectory. */
  public void add(String fileName, byte[] content) {
    files.put(fileName, content);
  }

  /** Makes a value name safe as a file name: keeps letters, digits, '.', '-' and '_'. */
  public static String safeFileName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
  }

  /** Writes every file; existing files of the same name in the target are replaced. */
  public void commit() throws IOException {
    commit(staged -> null);
  }

  /** Work done on the files before they are moved into place (a build), with what it found. */
  @FunctionalInterface
  public interface StagedWork<T> {
    T run(Path staged) throws IOException;
  }

  /**
   * Writes every file into the temporary directory, runs {@code work} there, then moves all that
   * the directory holds (the files and whatever {@code work} made, e.g. a build's objects) into
   * place. When {@code work} throws, nothing reaches the target.
   */
  public <T> T commit(StagedWork<T> work) throws IOException {
    Path parent = target.getParent();
    Files.createDirectories(parent);
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new FileAlreadyExistsException(target + " exists and is not a directory");
    }
    Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp");
    try {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path file = tmp.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.write(file, f.getValue());
      }
      T result = work.run(tmp);
      if (!Files.exists(target)) {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return result;
      }
      List<Path> made;
      try (Stream<Path> s = Files.walk(tmp)) {
        made = s.filter(Files::isRegularFile).toList();
      }
      for (Path file : made) {
        Path to = target.resolve(tmp.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.move(file, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return result;
    } finally {
      deleteTree(tmp);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
