package app.proxyme.engine.fga;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A condition of an OpenFGA model ({@code condition name(param: type, ...) { expression }}): its typed parameters and
 * its CEL expression, type-checked and compiled once when the model is read. {@link #evaluate} merges the context
 * stored with a tuple over the request's, converts each value to its declared type and runs the program. Immutable and
 * thread-safe.
 */
public final class FgaCondition {
    private static final CelOptions OPTIONS = CelOptions.current()
            .enableUnsignedLongs(true)
            .evaluateCanonicalTypesToNativeValues(true)
            .build();

    /** OpenFGA's extension: {@code ipaddress("10.0.0.1")} and {@code ip.in_cidr("10.0.0.0/8")}. */
    private static final List<CelFunctionDecl> FUNCTIONS = List.of(
            CelFunctionDecl.newFunctionDeclaration(
                    "ipaddress",
                    CelOverloadDecl.newGlobalOverload(
                            "string_to_ipaddress", ConditionType.IPADDRESS, SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration(
                    "in_cidr",
                    CelOverloadDecl.newMemberOverload(
                            "ipaddress_in_cidr", SimpleType.BOOL, ConditionType.IPADDRESS, SimpleType.STRING)));

    private static final CelCompiler BASE = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .addFunctionDeclarations(FUNCTIONS)
            .setResultType(SimpleType.BOOL)
            .build();

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(OPTIONS)
            .addFunctionBindings(
                    CelFunctionBinding.from("string_to_ipaddress", String.class, IpAddress::parse),
                    CelFunctionBinding.from("ipaddress_in_cidr", IpAddress.class, String.class, IpAddress::inCidr))
            .build();

    private final String name;
    private final String expression;
    private final Map<String, ConditionType> parameters;
    private final CelRuntime.Program program;

    /**
     * Compiles the condition; a syntax or type error (or an expression that is not boolean) is an
     * {@link IllegalArgumentException} with CEL's message.
     */
    public FgaCondition(String name, String expression, Map<String, ConditionType> parameters) {
        this.name = Objects.requireNonNull(name, "name");
        this.expression = Objects.requireNonNull(expression, "expression");
        this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        CelCompilerBuilder compiler = BASE.toCompilerBuilder();
        parameters.forEach((param, type) -> compiler.addVar(param, type.celType()));
        try {
            this.program =
                    RUNTIME.createProgram(compiler.build().compile(expression).getAst());
        } catch (CelValidationException e) {
            throw new IllegalArgumentException(
                    "condition '" + name + "' does not compile: "
                            + e.getErrors().stream().map(i -> i.getMessage()).toList(),
                    e);
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException("condition '" + name + "' cannot be planned: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public String expression() {
        return expression;
    }

    /** The declared parameters in the model's order. */
    public Map<String, ConditionType> parameters() {
        return parameters;
    }

    /**
     * Whether the condition holds for a tuple's stored context merged over the request's context. A parameter absent
     * from both is a {@link FgaConditionException} naming it (OpenFGA answers such a check with error 2000), as is a
     * value of the wrong type or an expression that fails while running.
     */
    public boolean evaluate(Map<String, ?> stored, Map<String, ?> request) {
        var values = new HashMap<String, Object>(parameters.size() * 2);
        var missing = new ArrayList<String>(0);
        for (Map.Entry<String, ConditionType> p : parameters.entrySet()) {
            String param = p.getKey();
            Object raw = stored.containsKey(param) ? stored.get(param) : request.get(param);
            if (raw == null && !stored.containsKey(param) && !request.containsKey(param)) {
                missing.add(param);
                continue;
            }
            try {
                values.put(param, p.getValue().convert(raw));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new FgaConditionException(
                        name, List.of(), "parameter '" + param + "' of condition '" + name + "': " + e.getMessage());
            }
        }
        if (!missing.isEmpty()) {
            throw new FgaConditionException(
                    name, missing, "condition '" + name + "' is missing context parameters " + missing);
        }
        try {
            return Boolean.TRUE.equals(program.eval(values));
        } catch (CelEvaluationException | RuntimeException e) {
            throw new FgaConditionException(
                    name, List.of(), "condition '" + name + "' failed to evaluate: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "condition " + name + parameters + " { " + expression + " }";
    }
}
