package app.proxyme.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.domain.policy.Effect;
import org.junit.jupiter.api.Test;

class MeaningTest {
    @Test
    void each_effect_reads_as_a_sentence_about_the_roles_holders() {
        assertEquals(
                "Junior AEs may answer security questions only after approval",
                Meaning.of("junior_ae", "security", Effect.APPROVE));
        assertEquals(
                "Sales Engineers may answer product questions on their own",
                Meaning.of("sales_engineer", "product", Effect.AUTO));
        assertEquals(
                "Account Executives may never answer small talk questions",
                Meaning.of("account_executive", "small_talk", Effect.DENY));
    }

    @Test
    void a_conditional_cell_says_when_it_is_answered_alone_and_what_holds_otherwise() {
        assertEquals(
                "Account Executives may answer pricing questions on their own while deal_size < 50000,"
                        + " otherwise only after approval",
                Meaning.of("account_executive", "pricing", Effect.APPROVE, java.util.Optional.of("deal_size < 50000")));
        assertEquals(
                "Junior AEs may answer pricing questions on their own while deal_size < 1000, otherwise never",
                Meaning.of("junior_ae", "pricing", Effect.DENY, java.util.Optional.of("deal_size < 1000")));
        assertEquals(
                "Sales Engineers may answer product questions on their own",
                Meaning.of("sales_engineer", "product", Effect.AUTO, java.util.Optional.empty()));
    }
}
