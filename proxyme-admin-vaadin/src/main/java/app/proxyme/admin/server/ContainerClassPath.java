package app.proxyme.admin.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.jar.JarFile;

/**
 * The class path as Jetty's annotation scan needs to see it. With {@code java -jar} (and surefire's manifest-only
 * jar) the libraries are listed in a jar manifest's {@code Class-Path}, not on {@code java.class.path}, so Jetty would
 * scan nothing and Vaadin would never deploy (STACK.md, fix 2): the manifest entries are expanded into the path.
 */
final class ContainerClassPath {
    private ContainerClassPath() {}

    /** {@code classPath} with the {@code Class-Path} entries of its jars' manifests added, recursively, in order. */
    static String expand(String classPath) {
        var seen = new LinkedHashSet<Path>();
        var todo = new ArrayDeque<Path>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                todo.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        while (!todo.isEmpty()) {
            Path path = todo.poll();
            if (!seen.add(path) || !path.toString().endsWith(".jar") || !Files.isRegularFile(path)) {
                continue;
            }
            todo.addAll(manifestEntries(path));
        }
        return String.join(
                java.io.File.pathSeparator,
                seen.stream().filter(Files::exists).map(Path::toString).toList());
    }

    private static java.util.List<Path> manifestEntries(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String value =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (value == null || value.isBlank()) {
                return java.util.List.of();
            }
            var result = new java.util.ArrayList<Path>();
            URI base = jar.getParent().toUri();
            for (String entry : value.trim().split("\\s+")) {
                URI uri = base.resolve(entry);
                if ("file".equals(uri.getScheme())) {
                    result.add(Path.of(uri).normalize());
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + jar, e);
        }
    }
}
