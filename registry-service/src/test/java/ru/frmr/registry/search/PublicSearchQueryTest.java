package ru.frmr.registry.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PublicSearchQueryTest {

    @Test
    void blankParametersMeanNoCriterion() {
        PublicSearchQuery query = new PublicSearchQuery("  ", "", " ", null, "", 0, 20);

        assertThat(query.q()).isNull();
        assertThat(query.specialty()).isNull();
        assertThat(query.region()).isNull();
        assertThat(query.status()).isNull();
    }

    @Test
    void acceptsTheLimits() {
        new PublicSearchQuery("я".repeat(100), null, null, null, "active", 100, 100);
    }

    @Test
    void rejectsOversizedQuery() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PublicSearchQuery.byName("я".repeat(101)))
                .withMessageStartingWith("q ");
    }

    @Test
    void rejectsOversizedFilter() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublicSearchQuery(null, null, "7".repeat(65), null, null, 0, 20))
                .withMessageStartingWith("region ");
    }

    @Test
    void rejectsUnknownStatus() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublicSearchQuery(null, null, null, null, "<script>", 0, 20))
                .withMessageStartingWith("status ");
    }

    @Test
    void statusIsActiveExpiredOrNoneInAnyCase() {
        assertThat(new PublicSearchQuery(null, null, null, null, "none", 0, 20).status()).isEqualTo("NONE");
        assertThat(new PublicSearchQuery(null, null, null, null, "Expired", 0, 20).status()).isEqualTo("EXPIRED");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublicSearchQuery(null, null, null, null, "BLOCKED", 0, 20))
                .withMessage("status must be one of ACTIVE, EXPIRED, NONE");
    }

    @Test
    void rejectsBadPaging() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublicSearchQuery(null, null, null, null, null, -1, 20))
                .withMessageStartingWith("page ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublicSearchQuery(null, null, null, null, null, 0, 0))
                .withMessageStartingWith("size ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublicSearchQuery(null, null, null, null, null, 0, 101))
                .withMessageStartingWith("size ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublicSearchQuery(null, null, null, null, null, 101, 100))
                .withMessageStartingWith("page*size ");
    }
}
