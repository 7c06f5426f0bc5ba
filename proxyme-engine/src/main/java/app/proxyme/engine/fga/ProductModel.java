package app.proxyme.engine.fga;

/** Proxy Me's own authorization model, {@code fga/proxyme.fga} on the classpath, parsed once. */
public final class ProductModel {
    /** Classpath location of the DSL file. */
    public static final String RESOURCE = "/fga/proxyme.fga";

    private static final FgaModel MODEL = FgaModel.fromResource(RESOURCE);

    private ProductModel() {}

    public static FgaModel get() {
        return MODEL;
    }
}
