package app.proxyme.engine.fga;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Proxy Me's own authorization model, {@code fga/proxyme.fga} on the classpath, parsed once; and the runtime model:
 * the same with the conditions the organisations' policies generate ({@link AutoCondition}), each allowed on
 * {@code auto_responder} tuples.
 */
public final class ProductModel {
    /** Classpath location of the DSL file. */
    public static final String RESOURCE = "/fga/proxyme.fga";

    private static final String AUTO_RESPONDER = "define auto_responder: [role#assignee]";

    private static final String DSL = read();

    private static final FgaModel MODEL = FgaModel.fromDsl(DSL);

    private ProductModel() {}

    public static FgaModel get() {
        return MODEL;
    }

    /** The product's model with the policies' conditions; without any, the product's model itself. */
    public static FgaModel with(List<AutoCondition> conditions) {
        return conditions.isEmpty() ? MODEL : FgaModel.fromDsl(dsl(conditions));
    }

    /** The DSL of the runtime model (what connected mode writes to the server). */
    public static String dsl(List<AutoCondition> conditions) {
        if (conditions.isEmpty()) {
            return DSL;
        }
        var restriction = new StringBuilder("define auto_responder: [role#assignee");
        conditions.forEach(c -> restriction.append(", role#assignee with ").append(c.name()));
        var out = new StringBuilder(DSL.replace(AUTO_RESPONDER, restriction.append(']')));
        conditions.forEach(c -> out.append('\n').append(c.dsl()));
        return out.toString();
    }

    private static String read() {
        try (InputStream in = ProductModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the classpath");
            }
            String dsl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!dsl.contains(AUTO_RESPONDER)) {
                throw new IllegalStateException(RESOURCE + " has no '" + AUTO_RESPONDER + "'");
            }
            return dsl.endsWith("\n") ? dsl : dsl + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
