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

  /**
   * Checks, before any work, that {@code dir} can be an output directory: it is one, or it does not
   * exist and its nearest existing parent is a directory. A mistyped {@code -o} that names a file
   * then costs a line, not a compile or a run whose result has nowhere to go.
   */
  public static void requireDirectory(Path dir, String option) throws dev.tenax.diag.UsageException {
    Path p = dir.toAbsolutePath().normalize();
    if (Files.exists(p) && !Files.isDirectory(p)) {
      throw new dev.tenax.diag.UsageException(option + " " + dir + " is a file, not a directory: give a directory "
          + "(it is created when missing)");
    }
    for (Path up = p.getParent(); up != null; up = up.getParent()) {
      if (Files.exists(up)) {
        if (!Files.isDirectory(up)) {
          throw new dev.tenax.diag.UsageException(option + " " + dir + " cannot be created: " + up
              + " is a file, not a directory");
        }
        return;
      }
    }
  }

  /** Adds a file; {@code fileName} may contain '/' to place it in a subdirectory. */
  public void add(String fileName, byte[] content) {
    files.put(fileName, content);
  }

  /** What the directory receives at its top level, in the order added: files, and folders as "name/". */
  public java.util.List<String> topLevel() {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    for (String f : files.keySet()) {
      int slash = f.indexOf('/');
      names.add(slash < 0 ? f : f.substring(0, slash + 1));
    }
    return java.util.List.copyOf(names);
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
