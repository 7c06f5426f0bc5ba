package app.proxyme.engine.fga.conformance;

import app.proxyme.engine.fga.CheckRequest;
import app.proxyme.engine.fga.FgaEngine;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.InMemoryTupleStore;
import app.proxyme.engine.fga.Tuple;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a store test file in the format of the OpenFGA CLI's {@code fga model test} ({@code *.fga.yaml}): a model
 * ({@code model} inline or {@code model_file}), store tuples ({@code tuples}, {@code tuple_file}, {@code tuple_files};
 * YAML or JSON), and {@code tests}, each with its own extra tuples and {@code check} / {@code list_objects} entries
 * whose {@code assertions} map relations to the expected answer. Each test runs on a fresh store holding the store's
 * tuples and its own. Files are resolved beside the test file. List-users entries are not run.
 */
public final class StoreTestFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StoreTestFile() {}

    /** Runs every check and list-objects assertion; a file that cannot be read is an {@link IOException}. */
    public static TestReport run(Path file) throws IOException {
        JsonNode root = YAML.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(file + " is not a store test file (a YAML object)");
        }
        Path dir = file.toAbsolutePath().getParent();
        var tally = new Assertions();
        FgaModel model;
        try {
            model = FgaModel.fromDsl(modelText(root, dir));
        } catch (IllegalArgumentException e) {
            tally.failed("model: " + e.getMessage());
            return tally.report();
        }
        List<Tuple> storeTuples = tuples(root, dir);
        for (JsonNode test : root.path("tests")) {
            String name = test.path("name").asText("test");
            var store = new InMemoryTupleStore();
            store.write(storeTuples);
            store.write(tuples(test, dir));
            var engine = new FgaEngine(model, store);
            for (JsonNode c : test.path("check")) {
                for (String user : oneOrMany(c, "user", "users")) {
                    for (String object : oneOrMany(c, "object", "objects")) {
                        c.path("assertions")
                                .fields()
                                .forEachRemaining(a -> tally.check(
                                        name,
                                        engine,
                                        new CheckRequest(
                                                user,
                                                a.getKey(),
                                                object,
                                                Assertions.tuples(c.path("contextual_tuples")),
                                                Assertions.context(c.path("context"))),
                                        a.getValue().asBoolean(),
                                        null));
                    }
                }
            }
            for (JsonNode l : test.path("list_objects")) {
                for (String user : oneOrMany(l, "user", "users")) {
                    l.path("assertions").fields().forEachRemaining(a -> {
                        var expected = new ArrayList<String>();
                        a.getValue().forEach(o -> expected.add(o.asText()));
                        tally.listObjects(
                                name,
                                engine,
                                new Assertions.ListRequest(
                                        user,
                                        l.path("type").asText(),
                                        a.getKey(),
                                        Assertions.tuples(l.path("contextual_tuples")),
                                        Assertions.context(l.path("context"))),
                                List.copyOf(expected),
                                null);
                    });
                }
            }
        }
        return tally.report();
    }

    private static String modelText(JsonNode root, Path dir) throws IOException {
        if (root.hasNonNull("model")) {
            return root.get("model").asText();
        }
        if (root.hasNonNull("model_file")) {
            return Files.readString(dir.resolve(root.get("model_file").asText()), StandardCharsets.UTF_8);
        }
        throw new IOException("the store test file has neither model nor model_file");
    }

    /** Inline {@code tuples} plus those of {@code tuple_file} and {@code tuple_files}. */
    private static List<Tuple> tuples(JsonNode node, Path dir) throws IOException {
        var tuples = new ArrayList<>(Assertions.tuples(node.path("tuples")));
        var files = new ArrayList<String>();
        if (node.hasNonNull("tuple_file")) {
            files.add(node.get("tuple_file").asText());
        }
        node.path("tuple_files").forEach(f -> files.add(f.asText()));
        for (String f : files) {
            if (f.endsWith(".csv")) {
                throw new IOException("tuple file " + f + ": CSV tuple files are not supported, use YAML or JSON");
            }
            // JSON is YAML too
            tuples.addAll(Assertions.tuples(YAML.readTree(dir.resolve(f).toFile())));
        }
        return tuples;
    }

    private static List<String> oneOrMany(JsonNode node, String one, String many) {
        if (node.hasNonNull(one)) {
            return List.of(node.get(one).asText());
        }
        var all = new ArrayList<String>();
        node.path(many).forEach(n -> all.add(n.asText()));
        return all;
    }
}
