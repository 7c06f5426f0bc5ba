package app.proxyme.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's walls: a domain of plain Java, adapters that know only ports, views that call use cases. */
@AnalyzeClasses(
        packages = "app.proxyme",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
    /** Test classes shared as {@code -tests.jar} between modules are not production code either. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule domain_depends_on_nothing_but_the_jdk = classes()
            .that()
            .resideInAPackage("app.proxyme.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("app.proxyme.domain..", "java..")
            .because("the decision must not depend on a framework (STYLE.md)");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices().matching("app.proxyme.engine.adapter.(*)..")
            .should()
            .notDependOnEachOther()
            .because("each adapter translates one technology to the core's ports");

    @ArchTest
    static final ArchRule use_cases_know_ports_not_adapters = noClasses()
            .that()
            .resideInAnyPackage(
                    "app.proxyme.domain..",
                    "app.proxyme.engine.approval..",
                    "app.proxyme.engine.meeting..",
                    "app.proxyme.engine.policy..",
                    "app.proxyme.engine.audit..",
                    "app.proxyme.engine.identity..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("app.proxyme.engine.adapter..")
            .because("use cases reach the outside only through ports; the composition root picks the adapters");

    @ArchTest
    static final ArchRule adapters_are_reached_through_ports_only = noClasses()
            .that()
            .resideInAPackage("app.proxyme.engine.adapter..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "app.proxyme.engine.approval..",
                    "app.proxyme.engine.meeting..",
                    "app.proxyme.web..",
                    "app.proxyme.admin..")
            .because("an adapter implements a port; it does not call use cases or the runtime");

    @ArchTest
    static final ArchRule engine_does_not_depend_on_the_runtime = noClasses()
            .that()
            .resideInAPackage("app.proxyme.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "app.proxyme.web..", "app.proxyme.admin..", "io.helidon..", "jakarta.websocket..", "com.vaadin..")
            .because("domain and engine stay free of Helidon; the runtime assembles them");

    @ArchTest
    static final ArchRule only_adapters_speak_http = noClasses()
            .that()
            .resideInAPackage("app.proxyme.engine..")
            .and()
            .resideOutsideOfPackage("app.proxyme.engine.adapter..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws..", "org.eclipse.microprofile.rest..")
            .because("a connected adapter may declare a MicroProfile REST Client; use cases may not");

    @ArchTest
    static final ArchRule adapters_are_chosen_at_the_composition_root_only = noClasses()
            .that()
            .resideOutsideOfPackages("app.proxyme.engine.adapter..", "app.proxyme.web.boot..", "app.proxyme.it..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("app.proxyme.engine.adapter..")
            .because("one composition root (CDI producers in web.boot) picks one adapter per port and mode;"
                    + " benchmarks in proxyme-it measure adapters directly");

    @ArchTest
    static final ArchRule runtime_and_console_call_use_case_ports_and_the_domain_only = noClasses()
            .that()
            .resideInAnyPackage(
                    "app.proxyme.web.app..", "app.proxyme.web.rest..", "app.proxyme.web.ws..", "app.proxyme.admin..")
            .should()
            .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("app.proxyme.engine..")
                    .and(DescribedPredicate.not(
                            JavaClass.Predicates.resideInAPackage("app.proxyme.engine.audit.format.."))))
            .because("resources, sockets and views reach the core through incoming ports (domain.port.in) and the"
                    + " domain model; engine internals such as TupleStore or PolicyAdmin are the composition root's"
                    + " business. The audit event format (PROTOCOL.md) is the one published engine package they"
                    + " may use, so that the API writes events exactly as the chain and the export do");

    @ArchTest
    static final ArchRule views_call_use_cases_not_adapters = noClasses()
            .that()
            .resideInAPackage("app.proxyme.admin..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "app.proxyme.engine..",
                    "app.proxyme.domain.port.out..",
                    "app.proxyme.web..",
                    "jakarta.persistence..",
                    "java.sql..")
            .because("the console's views reach the core through its use cases (domain.port.in) and the domain"
                    + " model only: never adapters, stores, the database or the REST runtime");

    @ArchTest
    static final ArchRule outgoing_ports_are_not_called_by_the_runtime = noClasses()
            .that()
            .resideInAnyPackage(
                    "app.proxyme.web.app..", "app.proxyme.web.rest..", "app.proxyme.web.ws..", "app.proxyme.admin..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("app.proxyme.domain.port.out..")
            .because("the runtime drives the core through its incoming ports; outgoing ports are for adapters");

    @ArchTest
    static final ArchRule no_cycles_between_packages =
            slices().matching("app.proxyme.(**)").should().beFreeOfCycles();
}
