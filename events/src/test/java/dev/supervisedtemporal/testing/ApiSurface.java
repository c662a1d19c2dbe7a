package dev.supervisedtemporal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Reads a module's public surface from its compiled classes, for the modules' API tests: the
 * public types (top-level, and nested ones reachable through them) and the README section that
 * lists the types of one {@link API.Status}. Shared as this module's test jar.
 */
public final class ApiSurface {

  private ApiSurface() {}

  /**
   * The public types of the module whose classes hold {@code anchor}: every class file under
   * its class-path root whose type and enclosing types are all public.
   */
  public static List<Class<?>> publicTypes(Class<?> anchor) {
    Path classes;
    try {
      classes = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("where the classes of " + anchor + " are", e);
    }
    try (Stream<Path> walk = Files.walk(classes)) {
      return walk.filter(p -> p.toString().endsWith(".class"))
          .map(p -> classes.relativize(p).toString())
          .filter(n -> !n.equals("module-info.class") && !n.endsWith("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length())
              .replace(classes.getFileSystem().getSeparator(), "."))
          .<Class<?>>map(n -> load(n, anchor.getClassLoader()))
          .filter(ApiSurface::reachablyPublic)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The README's text under the heading of the status ("### Stable", "### Experimental" or
   * "### Internal") up to the next heading; empty when there is no such heading.
   */
  public static String readmeSection(String readme, API.Status status) {
    String name = status.name().charAt(0) + status.name().substring(1).toLowerCase(Locale.ROOT);
    int start = readme.indexOf("\n### " + name);
    if (start < 0) {
      return "";
    }
    int end = readme.indexOf("\n#", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static boolean reachablyPublic(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
