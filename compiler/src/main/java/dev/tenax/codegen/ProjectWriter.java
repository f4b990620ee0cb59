package dev.tenax.codegen;

import dev.tenax.diag.UsageException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link ProjectView} through the FreeMarker templates (one template per generated
 * file) and adds the runtime sources the model calls. Output depends only on the view, so the
 * same model and options give byte-identical files.
 */
public final class ProjectWriter {
  private ProjectWriter() {}

  /** Generated file name -> template, for a target's project. */
  static Map<String, String> templates(ProjectView m) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put(m.name() + ".h", "model.h.ftl");
    t.put(m.name() + ".c", "model.c.ftl");
    t.put(m.name() + "_weights.c", "model_weights.c.ftl");
    t.put("memory_map.json", "memory_map.json.ftl");
    t.put("CMakeLists.txt", "CMakeLists.txt.ftl");
    if (!m.kernelPaths().isEmpty()) {
      t.put("tx_config.h", "tx_config.h.ftl");
    }
    if (m.family().equals("cortex-m") || m.family().equals("msp430")) {
      t.put("main.c", m.family() + "/main.c.ftl");
    }
    if (m.family().equals("host") && !m.fingerprint().isEmpty()) {
      t.put("power_main.c", "host/power_main.c.ftl");
    }
    t.put("Makefile", m.family() + "/Makefile.ftl");
    t.put("README.md", m.family() + "/README.md.ftl");
    return t;
  }

  /** Every generated file by relative path, in a fixed order. */
  public static Map<String, byte[]> render(ProjectView model, Path templateDir)
      throws IOException, UsageException {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
    cfg.setTemplateLoader(templateDir != null ? new FileTemplateLoader(templateDir.toFile())
        : new ClassTemplateLoader(ProjectWriter.class, "/templates"));
    cfg.setDefaultEncoding("UTF-8");
    cfg.setLocale(Locale.ROOT);
    cfg.setNumberFormat("c");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : templates(model).entrySet()) {
      Template t;
      try {
        t = cfg.getTemplate(e.getValue());
      } catch (freemarker.template.TemplateNotFoundException ex) {
        if (templateDir != null) {
          throw new UsageException("template " + e.getValue() + " not found in " + templateDir
              + "; a --template-dir must hold the same files as templates/ (copy it and edit)");
        }
        throw new IOException("built-in template " + e.getValue() + " is missing from the Tenax build", ex);
      } catch (freemarker.core.ParseException ex) {
        throw new UsageException("template " + e.getValue() + " has a syntax error: " + ex.getMessage());
      }
      StringWriter out = new StringWriter();
      try {
        t.process(Map.of("model", model), out);
      } catch (TemplateException ex) {
        if (templateDir != null) {
          throw new UsageException("template " + e.getValue() + " in " + templateDir + " failed: "
              + ex.getMessage());
        }
        throw new IOException("template " + e.getValue() + " failed: " + ex.getMessage(), ex);
      }
      files.put(e.getKey(), out.toString().getBytes(StandardCharsets.UTF_8));
    }
    for (String header : RuntimeFiles.headers()) {
      files.put("runtime/include/" + header, RuntimeFiles.read("include/" + header));
    }
    dev.tenax.target.Target target = dev.tenax.target.Targets.find(model.target()).orElseThrow(
        () -> new IOException("unknown target " + model.target()));
    for (String src : model.runtimeSources()) {
      files.put("runtime/src/" + src, RuntimeFiles.read(RuntimeSources.resourcePath(src, target)));
    }
    if (!model.board().isEmpty()) {
      // Board support from qemu/: start-up code, semihosting, tick counter, linker scripts.
      // MSP430 boards share their own start-up code and sections (qemu/msp430-common).
      String common = model.family().equals("msp430") ? "/qemu/msp430-common" : "/qemu/common";
      for (String f : RuntimeFiles.list(common, "")) {
        files.put("board/" + f, RuntimeFiles.resource(common + "/" + f));
      }
      for (String f : RuntimeFiles.list("/qemu/" + model.board(), "")) {
        files.put("board/" + f, RuntimeFiles.resource("/qemu/" + model.board() + "/" + f));
      }
      // Linker scripts for real Cortex-M boards (make flash, make run-hw).
      for (String f : target.family().equals("cortex-m") ? RuntimeFiles.list("/qemu/hardware", "") : List.<String>of()) {
        files.put("board/hw/" + f, RuntimeFiles.resource("/qemu/hardware/" + f));
      }
    }
    return files;
  }

  /** Reads a runtime file shipped in the jar (or in target/classes during development). */
  static final class RuntimeFiles {
    private RuntimeFiles() {}

    static byte[] read(String path) throws IOException {
      return resource("/runtime-c/" + path);
    }

    static byte[] resource(String path) throws IOException {
      try (InputStream in = ProjectWriter.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IOException(path.substring(1) + " is missing from the Tenax build");
        }
        return in.readAllBytes();
      }
    }

    /** All runtime headers: small, and a kernel's header may include shared ones. */
    static List<String> headers() throws IOException {
      return list("/runtime-c/include", ".h");
    }

    /** The files directly in a resource folder (from the jar or target/classes), sorted. */
    static List<String> list(String folder, String suffix) throws IOException {
      java.net.URL anchor = ProjectWriter.class.getResource(folder);
      if (anchor == null) {
        throw new IOException(folder.substring(1) + " is missing from the Tenax build");
      }
      try {
        java.net.URI uri = anchor.toURI();
        if (uri.getScheme().equals("jar")) {
          java.nio.file.FileSystem fs;
          try {
            fs = java.nio.file.FileSystems.getFileSystem(uri);
          } catch (java.nio.file.FileSystemNotFoundException e) {
            fs = java.nio.file.FileSystems.newFileSystem(uri, Map.of());
          }
          return list(fs.getPath(folder), suffix);
        }
        return list(Path.of(uri), suffix);
      } catch (java.net.URISyntaxException e) {
        throw new IOException("cannot list " + folder + ": " + e.getMessage(), e);
      }
    }

    private static List<String> list(Path dir, String suffix) throws IOException {
      try (var s = Files.list(dir)) {
        return s.filter(Files::isRegularFile).map(q -> q.getFileName().toString())
            .filter(n -> n.endsWith(suffix)).sorted().toList();
      }
    }
  }
}
