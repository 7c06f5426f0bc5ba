package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.web.Api;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET/PUT /api/policy} over HTTP: admins only, own organisation only, errors with lines, round trip. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolicyApiIT {
    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        return Deployments.proxyMe();
    }

    @ArquillianResource
    URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString().replaceAll("/$", ""));
    }

    @Test
    void an_admin_exports_and_reimports_the_policy_byte_identically() {
        String admin = api.login("admin@acme.test");
        var first = api.get("/api/policy", admin);
        assertEquals(200, first.status(), first.body());
        assertTrue(first.body().startsWith("org: acme\n"));

        var put = api.put("/api/policy", admin, "text/yaml", first.body());
        assertEquals(200, put.status(), put.body());

        assertEquals(first.body(), api.get("/api/policy", admin).body());
    }

    @Test
    void others_are_refused_and_never_see_another_organisation() {
        String admin = api.login("admin@acme.test");
        String acme = api.get("/api/policy", admin).body();

        assertEquals(403, api.get("/api/policy", api.login("jae@acme.test")).status());
        assertEquals(
                403,
                api.put("/api/policy", api.login("audit@acme.test"), "application/yaml", acme)
                        .status());
        assertEquals(401, api.get("/api/policy", null).status());
        String globex = api.login("admin@globex.test");
        assertTrue(api.get("/api/policy", globex).body().startsWith("org: globex\n"));
        var cross = api.put("/api/policy", globex, "application/x-yaml", acme);
        assertEquals(400, cross.status(), cross.body());
        assertEquals(acme, api.get("/api/policy", admin).body());
    }

    @Test
    void an_invalid_file_gets_every_problem_with_its_line() {
        String admin = api.login("admin@acme.test");
        String yaml = "org: acme\ntopics:\n  product: {description: \"x\"}\nroles:\n  r: {auto: [product, nope]}\n"
                + "members:\n  a@acme.test: {role: ghost}\n";

        var reply = api.put("/api/policy", admin, "application/yaml", yaml);

        assertEquals(400, reply.status(), reply.body());
        var errors = reply.json().get("errors");
        assertEquals(2, errors.size(), reply.body());
        assertEquals(5, errors.get(0).get("line").asInt(), reply.body());
        assertEquals(7, errors.get(1).get("line").asInt(), reply.body());
        assertTrue(api.get("/api/policy", admin).body().contains("  junior_ae:\n"));
    }

    @Test
    void the_files_test_cases_are_decided_with_their_meeting_values_on_import() {
        String admin = api.login("admin@acme.test");
        String acme = api.get("/api/policy", admin).body();
        String cases = "\ntests:\n"
                + "  - text: \"What kind of discount could we get if we commit to more users?\"\n"
                + "    member: ae@acme.test\n"
                + "    context: {deal_size: 30000}\n"
                + "    expect: {outcome: AUTO, layer: fga}\n"
                + "  - text: \"What kind of discount could we get if we commit to more users?\"\n"
                + "    member: ae@acme.test\n"
                + "    context: {deal_size: 90000}\n"
                + "    expect: {outcome: APPROVE}\n";
        String withCases = acme.replace("\npermissions:\n", cases + "\npermissions:\n");
        assertTrue(withCases.contains("\ntests:\n"), "acme exports a permissions section to put the cases before");
        try {
            var passing = api.put("/api/policy", admin, "application/yaml", withCases);
            assertEquals(200, passing.status(), passing.body());
            assertEquals(withCases, api.get("/api/policy", admin).body());

            String wrong = withCases.replace(
                    "{deal_size: 90000}\n    expect: {outcome: APPROVE}",
                    "{deal_size: 90000}\n    expect: {outcome: AUTO}");
            var failing = api.put("/api/policy", admin, "application/yaml", wrong);
            assertEquals(400, failing.status(), failing.body());
            var error = failing.json().get("errors").get(0);
            assertEquals(
                    lineOf(wrong, "{deal_size: 90000}") - 2, error.get("line").asInt(), failing.body());
            assertTrue(
                    error.get("message").asText().startsWith("tests[1]: expected AUTO, decided APPROVE"),
                    failing.body());

            String mistyped = withCases.replace("{deal_size: 90000}", "{deal_size: \"large\"}");
            var typed = api.put("/api/policy", admin, "application/yaml", mistyped);
            assertEquals(400, typed.status(), typed.body());
            var typeError = typed.json().get("errors").get(0);
            assertEquals(
                    lineOf(mistyped, "{deal_size: \"large\"}"),
                    typeError.get("line").asInt(),
                    typed.body());
            assertEquals(
                    "tests[1].context.deal_size: must be an int",
                    typeError.get("message").asText());
            assertEquals(withCases, api.get("/api/policy", admin).body());
        } finally {
            assertEquals(
                    200, api.put("/api/policy", admin, "application/yaml", acme).status());
        }
    }

    /** The 1-based line of the first line of {@code yaml} that contains {@code text}. */
    private static int lineOf(String yaml, String text) {
        var lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in the file");
    }
}
