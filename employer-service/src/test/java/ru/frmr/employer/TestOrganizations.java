package ru.frmr.employer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import ru.frmr.employer.query.OrganizationCard;
import ru.frmr.employer.query.OrganizationDirectory;

/**
 * The medical organisations the tests act for, in place of the organisations' read model (its own feature, with
 * its own tests): {@value #ORG_A} and {@value #ORG_B}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestOrganizations {

    public static final String ORG_A = "org-a";
    public static final String ORG_B = "org-b";
    public static final OrganizationCard CARD_A = new OrganizationCard(ORG_A, "ГБУЗ «Городская поликлиника № 1»",
            "1027700132195", "7701000001", "770101001", "1.2.643.5.1.13.13.12.2.77.7830", "77",
            "г. Москва, ул. Примерная, д. 1", 1);
    public static final OrganizationCard CARD_B = new OrganizationCard(ORG_B, "ГБУЗ МО «Областная больница»",
            "1025000000013", "5001000002", "500101001", "1.2.643.5.1.13.13.12.2.50.1001", "50",
            "Московская обл., г. Красногорск, ул. Больничная, д. 2", 1);

    private static final Map<String, OrganizationCard> CARDS = Map.of(ORG_A, CARD_A, ORG_B, CARD_B);

    @Bean
    @Primary
    OrganizationDirectory testOrganizationDirectory() {
        return new OrganizationDirectory() {
            @Override
            public Optional<OrganizationCard> find(String id) {
                return Optional.ofNullable(id == null ? null : CARDS.get(id));
            }

            @Override
            public List<String> idsInRegion(String regionCode) {
                return CARDS.values().stream().filter(card -> card.regionCode().equals(regionCode))
                        .map(OrganizationCard::id).sorted().toList();
            }
        };
    }
}
